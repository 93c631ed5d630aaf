import type { IncomingMessage } from 'node:http';
import { HttpException } from '@nestjs/common';
import { json, text } from 'body-parser';
import type { FastifyInstance } from 'fastify';
import type { ApiErrorBody } from '@pm/contracts';
import { bodyParserErrorBody } from './http-exception.filter';

/** Grade files arrive as text/csv; 100,000 rows are a few megabytes. */
export const TEXT_BODY_LIMIT_BYTES = 25 * 1024 * 1024;

// body-parser reads only the request; the response is passed to a `verify` option, which is not used.
type Middleware = (req: IncomingMessage, res: undefined, next: (error?: unknown) => void) => void;

const parsers: Middleware[] = [
  json({ limit: '1mb' }) as unknown as Middleware,
  text({ type: ['text/csv', 'text/plain'], limit: TEXT_BODY_LIMIT_BYTES }) as unknown as Middleware,
];

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
        const answer = bodyParserErrorBody(error as Parameters<typeof bodyParserErrorBody>[0]);
        done(answer ? new BodyRefusedException(answer) : (error as Error));
      });
    };
    run(0);
  });
}
