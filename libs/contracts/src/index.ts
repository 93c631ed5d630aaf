export * from './lib/enums';
export * from './lib/errors';
export * from './lib/auth';
export * from './lib/programs';
export * from './lib/health';
export * from './lib/socket-events';
