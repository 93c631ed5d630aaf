import { CanActivate, ExecutionContext, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@api/config/app-config';
import type { RequestWithActor } from '@api/common/access.decorators';
import { tooManyAttempts, tooManyAttemptsFromAddress } from './auth.errors';

/** The budget is per minute: AUTH_RATE_LIMIT_PER_MINUTE attempts, then 429 until the minute is over. */
const WINDOW_SECONDS = 60;
const KEY_PREFIX = 'auth';

/**
 * One budget per client address for sign-in, registration and password change together, kept where every
 * API instance sees it: PostgreSQL (table auth_rate_limit), or Redis when REDIS_URL is set. In memory, each
 * replica counted on its own and two replicas let twice the attempts through.
 */
@Injectable()
export class AuthRateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger('AuthRateLimit');
  private readonly limiter: RateLimiterAbstract;
  private readonly closeStore: () => Promise<void>;

  constructor(config: AppConfig, @InjectDataSource() dataSource: DataSource) {
    const options = { keyPrefix: KEY_PREFIX, points: config.AUTH_RATE_LIMIT_PER_MINUTE, duration: WINDOW_SECONDS };
    if (config.REDIS_URL) {
      // Budgets are per deployment: replicas share their database and so their keys; another deployment (or a
      // test run) on the same Redis counts apart.
      options.keyPrefix = `${KEY_PREFIX}:${dataSource.driver.database ?? 'default'}`;
      const client = createClient({ url: config.REDIS_URL });
      client.on('error', (e: unknown) => this.logger.warn(`Redis: ${e instanceof Error ? e.message : String(e)}`));
      void client.connect().catch((e: unknown) => this.logger.error(`cannot connect to REDIS_URL: ${e instanceof Error ? e.message : String(e)}`));
      this.limiter = new RateLimiterRedis({ ...options, storeClient: client, useRedisPackage: true });
      this.closeStore = async () => {
        if (client.isOpen) await client.quit();
      };
    } else {
      // The table comes from the migrations; `storeType: 'typeorm'` borrows the app's own connection pool.
      this.limiter = new RateLimiterPostgres({ ...options, storeClient: dataSource, storeType: 'typeorm', tableName: 'auth_rate_limit', tableCreated: true, clearExpiredByTimeout: false });
      this.closeStore = async () => undefined;
    }
  }

  /** Spends one attempt of `address`; throws 429 TOO_MANY_ATTEMPTS with Retry-After once the budget is gone. */
  consume(address: string): Promise<void> {
    return this.spend(address, tooManyAttemptsFromAddress);
  }

  /**
   * Spends one attempt of a signed-in account, for secrets guessed while signed in (join codes). Keyed by
   * account, not address: a lecture hall of students behind one address joins at once.
   */
  consumeForAccount(userId: string): Promise<void> {
    return this.spend(`user:${userId}`, tooManyAttempts);
  }

  private async spend(key: string, refuse: (retryAfterSeconds: number) => Error): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw refuse(Math.max(1, Math.ceil(e.msBeforeNext / 1000)));
      // The store is unreachable: the database's own error, which the filter answers with 503.
      throw e;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.closeStore();
  }
}

/**
 * On the public routes that try a password or a secret link (sign-in, registration, invitations, the
 * school's sign-in): spends one attempt of the caller's address (TRUST_PROXY decides which).
 */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: AuthRateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    await this.limiter.consume(request.ip ?? request.socket.remoteAddress ?? 'unknown');
    return true;
  }
}

/** On signed-in routes that try a guessable secret (a join code): spends one attempt of the caller's account. */
@Injectable()
export class AccountRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: AuthRateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
    // The access guard runs first and sets the actor on every @Auth route; a public route has none to count.
    if (actor) await this.limiter.consumeForAccount(actor.id);
    return true;
  }
}
