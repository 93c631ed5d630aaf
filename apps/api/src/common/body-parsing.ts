import type { IncomingMessage } from 'node:http';
import { HttpException } from '@nestjs/common';
import { json, text } from 'body-parser';
import type { FastifyInstance } from 'fastify';
import { ErrorCode, type ApiErrorBody } from '@pm/contracts';
import { reason } from './http-exception.filter';

/** Grade files arrive as text/csv; 100,000 rows are a few megabytes. */
export const TEXT_BODY_LIMIT_BYTES = 25 * 1024 * 1024;

// body-parser reads only the request; the response is passed to a `verify` option, which is not used.
type Middleware = (req: IncomingMessage, res: undefined, next: (error?: unknown) => void) => void;

const parsers: Middleware[] = [
  json({ limit: '1mb' }) as unknown as Middleware,
  text({ type: ['text/csv', 'text/plain'], limit: TEXT_BODY_LIMIT_BYTES }) as unknown as Middleware,
];

/** What body-parser's errors carry (http-errors): a status, a type, and what it refused. */
interface BodyParserError {
  status?: number;
  statusCode?: number;
  type?: string;
  message?: string;
  /** body-parser: the limit in bytes (413), the charset it refused (415), the text it could not parse (400). */
  limit?: number;
  charset?: string;
  encoding?: string;
  body?: unknown;
  /** zlib's, for a body that does not inflate. */
  code?: string;
}

const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * A body the parser refused, before any route ran: a 400, 413 or 415 with a code the dashboard translates
 * (body-parser's own status, which says what was wrong: unreadable, too large, or in an encoding it does not
 * read). Undefined for errors that are not the body parser's.
 */
function bodyParserErrorBody(error: BodyParserError): ApiErrorBody | undefined {
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
      if (status === 400 && typeof error.code === 'string' && /^Z_/.test(error.code)) {
        return answer(400, ErrorCode.MalformedBody, 'The request body does not decode as its Content-Encoding says');
      }
      return undefined;
  }
}

/** A body the parser refused, carrying the contract's answer (`bodyParserErrorBody`) to the exception filter. */
export class BodyRefusedException extends HttpException {
  constructor(body: ApiErrorBody) {
    super(body, body.statusCode);
  }
}

/**
 * Bodies are read by body-parser, the parser the API has always used, rather than Fastify's own: the contract's
 * answers depend on what it accepts and refuses (a top-level null, a charset other than UTF-8, gzip, deflate and
 * br bodies, each type's limit), and every one of them is pinned by the fuzz tests. Fastify hands every request
 * with a body, whatever its Content-Type, to this one parser; a type neither parser reads leaves the body
 * undefined, as it did on Express, and the route's validation answers.
 *
 * A refusal becomes a BodyRefusedException here because Nest turns a bare SyntaxError into a generic 400 before
 * the exception filter sees what body-parser said.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (request, _payload, done) => {
    const req = request.raw as IncomingMessage & { body?: unknown };
    const run = (index: number): void => {
      const parser = parsers[index];
      if (!parser) {
        done(null, req.body);
        return;
      }
      parser(req, undefined, (error?: unknown) => {
        if (error === undefined || error === null) return run(index + 1);
        const answer = bodyParserErrorBody(error as BodyParserError);
        done(answer ? new BodyRefusedException(answer) : (error as Error));
      });
    };
    run(0);
  });
}
