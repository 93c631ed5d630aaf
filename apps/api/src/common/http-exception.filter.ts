import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';
import { ErrorCode, type ApiErrorBody } from '@pm/contracts';
import { isDatabaseUnavailable, OutageReporter } from '@api/database/database-errors';
import { DomainError } from './domain-error';
import { statusForCode } from './error-status';

const reason = (status: number): string => STATUS_CODES[status] ?? 'Error';

/** How long a client should wait before retrying while the database is away (a restart takes seconds). */
const RETRY_AFTER_OUTAGE_SECONDS = 5;

/** The contract's error shape for "the database is away": 503, never a 500 or a hang. */
export const DATABASE_UNAVAILABLE_BODY: ApiErrorBody = {
  statusCode: HttpStatus.SERVICE_UNAVAILABLE,
  error: reason(HttpStatus.SERVICE_UNAVAILABLE),
  message: 'The database is temporarily unavailable; try again in a few seconds.',
  code: ErrorCode.DatabaseUnavailable,
};

/** Errors raised by body-parser and by Fastify before a route carry a status and an `expose` flag. */
interface HttpishError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  message?: string;
  /** body-parser: the limit in bytes (413), the charset it refused (415), the text it could not parse (400). */
  limit?: number;
  charset?: string;
  encoding?: string;
  body?: unknown;
}

const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * A body the parser refused, before any route ran: a 400, 413 or 415 with a code the dashboard translates
 * (body-parser's own status, which says what was wrong: unreadable, too large, or in an encoding it does not
 * read). Undefined for errors that are not the body parser's.
 */
export function bodyParserErrorBody(error: HttpishError): ApiErrorBody | undefined {
  const status = error.status ?? error.statusCode;
  const answer = (statusCode: number, code: ErrorCode, message: string): ApiErrorBody => ({ statusCode, error: reason(statusCode), message, code });
  switch (error.type) {
    case 'entity.too.large':
      return answer(413, ErrorCode.BodyTooLarge, `The request body is larger than the ${error.limit ? megabytes(error.limit) : 'size'} this route takes`);
    case 'charset.unsupported':
      return answer(415, ErrorCode.UnsupportedBodyEncoding, `The request body's charset ${error.charset?.toUpperCase() ?? ''} is not supported; send UTF-8`);
    case 'encoding.unsupported':
      return answer(415, ErrorCode.UnsupportedBodyEncoding, `The request body's Content-Encoding ${error.encoding ?? ''} is not supported; send it uncompressed, gzip, deflate or br`);
    case 'entity.parse.failed': {
      const text = typeof error.body === 'string' ? error.body.trimStart() : '';
      const notAnObject = text !== '' && !text.startsWith('{') && !text.startsWith('[');
      return answer(400, ErrorCode.MalformedBody, notAnObject ? 'The request body must be a JSON object' : 'Malformed JSON in the request body');
    }
    case 'request.aborted':
    case 'request.size.invalid':
      return answer(400, ErrorCode.MalformedBody, 'The request body was not received whole: it does not match its Content-Length');
    case 'parameters.too.many':
      return answer(413, ErrorCode.BodyTooLarge, 'The request body has too many parameters');
    default:
      // A body that does not decode as its Content-Encoding says (zlib's error, made a 400 by body-parser).
      if (status === 400 && typeof (error as { code?: unknown }).code === 'string' && /^Z_/.test((error as { code: string }).code)) {
        return answer(400, ErrorCode.MalformedBody, 'The request body does not decode as its Content-Encoding says');
      }
      return undefined;
  }
}

/**
 * Turns every error into `{statusCode, error, message}`. Domain errors get the status their code maps to;
 * Nest's HTTP exceptions keep theirs; a malformed body is a 400; a database that is down or unreachable is a
 * 503 with Retry-After (code DATABASE_UNAVAILABLE); anything else is a bug, logged in full and answered with
 * a 500 that reveals nothing.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  private readonly outages = new OutageReporter((line) => this.logger.warn(line), 'answering 503');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<FastifyReply>();
    const sent = (): boolean => res.sent || res.raw.headersSent;
    if (isDatabaseUnavailable(exception)) {
      this.outages.report(exception);
      if (sent()) return;
      void res.header('Retry-After', String(RETRY_AFTER_OUTAGE_SECONDS)).status(HttpStatus.SERVICE_UNAVAILABLE).send(DATABASE_UNAVAILABLE_BODY);
      return;
    }
    const body = this.toBody(exception);
    if (sent()) return;
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) {
      void res.header('Retry-After', String(exception.retryAfterSeconds));
    }
    void res.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = statusForCode(exception.code);
      return { statusCode, error: reason(statusCode), message: exception.message, code: exception.code, ...exception.extra };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? (response as { message: string | string[] }).message
          : exception.message;
      // The validation pipe's 400 carries its code and the problems as codes (`fields`).
      const extra = typeof response === 'object' && response !== null ? (response as Partial<ApiErrorBody>) : {};
      return {
        statusCode,
        error: reason(statusCode),
        message,
        ...(typeof extra.code === 'string' ? { code: extra.code } : {}),
        ...(Array.isArray(extra.fields) ? { fields: extra.fields } : {}),
      };
    }
    const httpish = exception as HttpishError | undefined;
    const parser = httpish ? bodyParserErrorBody(httpish) : undefined;
    if (parser) return parser;
    const status = httpish?.status ?? httpish?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { statusCode: status, error: reason(status), message: httpish?.expose === false ? reason(status) : (httpish?.message ?? reason(status)) };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: reason(500), message: 'Internal server error' };
  }
}
