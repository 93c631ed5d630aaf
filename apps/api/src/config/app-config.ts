import { plainToInstance, Transform } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '@pm/contracts';

const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? (['true', '1', 'yes'].includes(value.toLowerCase()) ? true : ['false', '0', 'no'].includes(value.toLowerCase()) ? false : value) : value;
const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
const toMinutesList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').map((item) => (/^\s*\d+\s*$/.test(item) ? Number(item) : item.trim())) : value;
const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter((item) => item.length > 0) : value;

/** `https://app.example` or `http://localhost:4200`: a scheme, a host and maybe a port, nothing else. */
export function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/**
 * Every setting the API reads, validated once at boot so that a wrong variable stops the start with a clear
 * message instead of failing at the first request. Names match CONTRACT.md and README.md.
 */
export class AppConfig {
  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString() @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL!: string;

  @IsOptional() @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional() @IsString() @MinLength(MIN_PASSWORD_LENGTH)
  ADMIN_PASSWORD?: string;

  /** Unset means "seed when the database is empty". */
  @IsOptional() @Transform(toBool) @IsBoolean()
  DEMO_SEED?: boolean;

  @IsOptional() @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false })
  REDIS_URL?: string;

  @Transform(toInt) @IsInt() @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 60;

  /** Unset: a random secret is generated once and kept in the database, shared by every replica. */
  @IsOptional() @IsString() @MinLength(32)
  JWT_SECRET?: string;

  @Transform(toInt) @IsInt() @Min(30) @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt) @IsInt() @Min(1) @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /**
   * A refresh token presented again this many seconds after it was spent answers the same pair it was
   * exchanged for (two tabs refreshing at once) instead of revoking its family as a stolen copy; 0 turns it off.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(60)
  REFRESH_REUSE_GRACE_SECONDS = 10;

  /** Where the built dashboard lives; the API serves it on the same port when the folder exists. */
  @IsOptional() @IsString()
  WEB_DIST?: string;

  /** Behind a reverse proxy (docker-compose), the client address comes from X-Forwarded-For. */
  @Transform(toBool) @IsBoolean()
  TRUST_PROXY = false;

  /**
   * Origins of other sites allowed to call the API from a browser (CORS) and to open chat sockets, comma
   * separated, each exactly `scheme://host[:port]`. Empty (the default): same origin only, no CORS headers.
   */
  @Transform(toList) @IsArray() @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  /** After SIGTERM/SIGINT: how long requests and chat events in flight may take before the process exits anyway. */
  @Transform(toInt) @IsInt() @Min(1) @Max(600)
  SHUTDOWN_TIMEOUT_SECONDS = 25;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  // sessions
  /** Virtual sessions get `<MEETING_BASE_URL><unguessable room>`; any Jitsi-style server that makes rooms on first join works. */
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  MEETING_BASE_URL = 'https://meet.jit.si/';

  /** The public origin of the API (e.g. https://mentoring.school.example), used in calendar feed URLs; unset, the request's own origin. */
  @IsOptional() @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  PUBLIC_URL?: string;

  /**
   * When PUBLIC_URL is unset: the host names (`host` or `host:port`, comma separated) a request's Host header may
   * carry for the API to build a public address from it (calendar feeds). Loopback hosts are always accepted;
   * any other Host is refused, so a forged header cannot plant another site in an address.
   */
  @Transform(toList) @IsArray() @Matches(/^(?:[a-z0-9-]+\.)*[a-z0-9-]+(?::\d{1,5})?$/, { each: true, message: 'each of TRUSTED_HOSTS must be a lower-case host or host:port' })
  TRUSTED_HOSTS: string[] = [];

  // onboarding: the school's sign-in (OpenID Connect); unset, the dashboard shows no such button
  /** The school's OpenID provider, e.g. https://sso.school.example/realms/students (its discovery document is read from it). */
  @IsOptional() @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  OIDC_ISSUER?: string;

  /** This application's client id at the provider; required with OIDC_ISSUER. */
  @IsOptional() @IsString()
  OIDC_CLIENT_ID?: string;

  /** The client secret; unset, the client is public and PKCE alone protects the code exchange. */
  @IsOptional() @IsString()
  OIDC_CLIENT_SECRET?: string;

  // chat
  /** Events one chat socket may send per second, sustained; past it they are refused with an error ack. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000)
  CHAT_RATE_LIMIT_PER_SECOND = 10;

  /** Events one chat socket may send in a burst before the per-second rate applies. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000)
  CHAT_RATE_LIMIT_BURST = 30;

  /** Forum threads and replies one person may post per minute; past it 429 with Retry-After. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000)
  FORUM_POSTS_PER_MINUTE = 10;

  // relationship
  /** Days a pair may go without a session after its start or its last held one before the board asks for a check-in (NO_RECENT_SESSION). */
  @Transform(toInt) @IsInt() @Min(1) @Max(365)
  STALL_DAYS = 21;

  // notifications
  /** `false`: no notifications, reminders or mail at all (a staging copy that must stay quiet; the benchmark's baseline). */
  @Transform(toBool) @IsBoolean()
  NOTIFICATIONS_ENABLED = true;

  /** `smtp://user:pass@host:port` or `smtps://…`; unset, nothing is mailed and everything else works the same. */
  @IsOptional() @IsUrl({ protocols: ['smtp', 'smtps'], require_protocol: true, require_tld: false, require_host: true })
  SMTP_URL?: string;

  /** The sender of every mail, `address` or `Name <address>`; required with SMTP_URL. */
  @IsOptional() @IsString()
  MAIL_FROM?: string;

  /** Minutes before a session's start at which each participant is reminded, comma separated. */
  @Transform(toMinutesList) @IsArray() @ArrayNotEmpty() @IsInt({ each: true }) @Min(1, { each: true }) @Max(43200, { each: true })
  REMINDER_LEAD_MINUTES: number[] = [1440, 60];

  /** A chat message still unread after this many minutes notifies its recipient (once per conversation until read). */
  @Transform(toInt) @IsInt() @Min(0) @Max(10080)
  MESSAGE_NOTIFY_DELAY_MINUTES = 15;

  /** Seconds before a failed mail is tried again; doubled at each further attempt (6 attempts in all). */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  MAIL_RETRY_DELAY_SECONDS = 30;

  /** How often unread chat messages are looked for (seconds). */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  UNREAD_SWEEP_SECONDS = 30;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(AppConfig, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const notOrigins = config.CORS_ORIGINS.filter((o) => !isOrigin(o));
  if (notOrigins.length > 0) {
    throw new ConfigError(
      `Invalid configuration:\n  CORS_ORIGINS: ${notOrigins.map((o) => JSON.stringify(o)).join(', ')} ${notOrigins.length === 1 ? 'is not an origin' : 'are not origins'}; ` +
        'give each as scheme://host[:port] (e.g. https://dashboard.school.example), lower-case, without a path or a trailing slash',
    );
  }
  if (config.SMTP_URL !== undefined && config.MAIL_FROM === undefined) {
    throw new ConfigError('Invalid configuration:\n  MAIL_FROM must be set with SMTP_URL (e.g. "Peer mentoring <mentoring@school.example>")');
  }
  if (config.MAIL_FROM !== undefined && !/^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+)$/.test(config.MAIL_FROM.trim())) {
    throw new ConfigError(`Invalid configuration:\n  MAIL_FROM: ${JSON.stringify(config.MAIL_FROM)} is not an address or "Name <address>"`);
  }
  if ((config.ADMIN_EMAIL === undefined) !== (config.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid configuration:\n  ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if ((config.OIDC_ISSUER === undefined) !== (config.OIDC_CLIENT_ID === undefined) || (config.OIDC_CLIENT_SECRET !== undefined && config.OIDC_ISSUER === undefined)) {
    throw new ConfigError('Invalid configuration:\n  OIDC_ISSUER and OIDC_CLIENT_ID must be set together (OIDC_CLIENT_SECRET only with them)');
  }
  return config;
}
