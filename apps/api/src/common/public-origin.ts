import type { Request } from 'express';
import type { AppConfig } from '@api/config/app-config';

/** The address people reach the dashboard at: PUBLIC_URL, or the request's own origin when it is unset. */
export const publicOrigin = (config: AppConfig, req: Request): string =>
  (config.PUBLIC_URL ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`).replace(/\/+$/, '');
