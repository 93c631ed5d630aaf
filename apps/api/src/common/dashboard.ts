import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Paths that are never the dashboard's: an unknown one is the API's JSON 404 (or socket.io's). */
const NOT_THE_DASHBOARD = /^\/(?:api|socket\.io)(?:[/?#]|$)/;

/**
 * The built dashboard on the API's own port: its files as they are, and index.html for every other GET (the
 * single-page app routes in the browser). Under /api and /socket.io an unknown path stays a JSON 404.
 */
export async function serveDashboard(app: NestFastifyApplication, root: string): Promise<void> {
  // One route per file present at boot (a build does not change under a running server), so the fallback below
  // is the only wildcard.
  await app.register(fastifyStatic, { root, wildcard: false });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request: FastifyRequest, reply: FastifyReply) => (NOT_THE_DASHBOARD.test(request.url) ? reply.callNotFound() : reply.sendFile('index.html')));
}
