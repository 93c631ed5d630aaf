import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '@api/config/app-config';

/** The address people reach the dashboard at: PUBLIC_URL, or the request's own origin when it is unset. */
export const publicOrigin = (config: AppConfig, req: FastifyRequest): string =>
  (config.PUBLIC_URL ?? `${req.protocol}://${req.headers.host ?? 'localhost'}`).replace(/\/+$/, '');
