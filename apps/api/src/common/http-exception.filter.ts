import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, type ApiErrorBody } from '@pm/contracts';
import { isDatabaseUnavailable, OutageReporter } from '@api/database/database-errors';
import { DomainError } from './domain-error';
import { statusForCode } from './error-status';
import { safeUrl } from './request-logging';

export const reason = (status: number): string => STATUS_CODES[status] ?? 'Error';

/** How long a client should wait before retrying while the database is away (a restart takes seconds). */
const RETRY_AFTER_OUTAGE_SECONDS = 5;

/** The contract's error shape for "the database is away": 503, never a 500 or a hang. */
export const DATABASE_UNAVAILABLE_BODY: ApiErrorBody = {
  statusCode: HttpStatus.SERVICE_UNAVAILABLE,
  error: reason(HttpStatus.SERVICE_UNAVAILABLE),
  message: 'The database is temporarily unavailable; try again in a few seconds.',
  code: ErrorCode.DatabaseUnavailable,
};

/** Errors Fastify raises before a route (and body-parser's that no answer maps) carry a status and an `expose` flag. */
interface HttpishError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  message?: string;
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
    const body = this.toBody(exception, host.switchToHttp().getRequest<FastifyRequest>());
    if (sent()) return;
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) {
      void res.header('Retry-After', String(exception.retryAfterSeconds));
    }
    void res.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ApiErrorBody {
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
    const status = httpish?.status ?? httpish?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { statusCode: status, error: reason(status), message: httpish?.expose === false ? reason(status) : (httpish?.message ?? reason(status)) };
    }
    // The request log's id, method and (masked) URL, so the line can be matched with the request's own line.
    const which = `request ${request.id} ${request.method} ${safeUrl(request.url)}`;
    this.logger.error(`${which}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`);
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: reason(500), message: 'Internal server error' };
  }
}
