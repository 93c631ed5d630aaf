import { Injectable, Logger } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import { ChatErrorCode, type Ack } from '@pm/contracts';
import { AppConfig } from '@api/config/app-config';
import { DomainError } from '@api/common/domain-error';
import { isDatabaseUnavailable, OutageReporter } from '@api/database/database-errors';
import { chatRateLimited } from './chat.errors';
import type { ChatSocket, ChatUser } from './chat.types';
import { parsePayload } from './parse-payload';
import { TokenBucket } from './rate-limiter';

const DRAIN_TIMEOUT_MS = 5_000;
/** What an UNAVAILABLE ack suggests waiting before sending again. */
const UNAVAILABLE_RETRY_MS = 2_000;

/**
 * A socket's sends are not chained here: a client that sends a, b without waiting sees them stored as a, b
 * because they reach the MessageAppender in arrival order (ChatService.send), and they may share a batch.
 */
interface SocketState {
  bucket: TokenBucket;
}

const CHAT_CODES = new Set<string>(Object.values(ChatErrorCode));
const isChatCode = (code: string): code is ChatErrorCode => CHAT_CODES.has(code);

const fail = (error: string, code: ChatErrorCode, retryAfterMs?: number): Ack<never> => ({ ok: false, error, code, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

/**
 * What every chat event goes through before and after its use case: the per-socket rate limit, the token's
 * expiry, payload validation, and the conversion of every outcome into an ack. Nothing thrown by a handler
 * reaches socket.io (a bad payload is an error ack, never a dropped socket); an unexpected error is logged and
 * answered INTERNAL. It also counts events in flight, so shutdown can let them finish and ack first.
 */
@Injectable()
export class ChatEventRunner {
  private readonly logger = new Logger('Chat');
  private readonly outages = new OutageReporter((line) => this.logger.warn(line), 'refusing chat events');
  private readonly states = new WeakMap<ChatSocket, SocketState>();
  private inFlight = 0;
  private draining = false;
  private drained?: () => void;

  constructor(private readonly config: AppConfig) {}

  async run<D extends object, R extends object>(
    socket: ChatSocket,
    dtoClass: ClassConstructor<D>,
    payload: unknown,
    handler: (user: ChatUser, dto: D) => Promise<R>,
    options: { allowExpiredToken?: boolean } = {},
  ): Promise<Ack<R>> {
    if (this.draining) return fail('The server is restarting; reconnect and try again', ChatErrorCode.ShuttingDown);
    const state = this.stateOf(socket);
    const waitMs = state.bucket.take(Date.now());
    if (waitMs > 0) return this.toAck(chatRateLimited(waitMs));
    if (!options.allowExpiredToken && Date.now() >= socket.data.tokenExpiresAt) {
      return fail('The access token has expired: send auth:refresh with a fresh one, or reconnect', ChatErrorCode.Unauthenticated);
    }
    this.inFlight++;
    try {
      const dto = parsePayload(dtoClass, payload);
      const result = await handler(socket.data.user, dto);
      return { ok: true, ...result };
    } catch (e) {
      return this.toAck(e);
    } finally {
      this.inFlight--;
      if (this.draining && this.inFlight === 0) this.drained?.();
    }
  }

  /** Refuses new events and waits (bounded) for those in flight, so their acks still reach the clients. */
  async drain(): Promise<void> {
    this.draining = true;
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, DRAIN_TIMEOUT_MS);
      this.drained = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  get isDraining(): boolean {
    return this.draining;
  }

  private stateOf(socket: ChatSocket): SocketState {
    let state = this.states.get(socket);
    if (!state) {
      state = { bucket: new TokenBucket(this.config.CHAT_RATE_LIMIT_PER_SECOND, this.config.CHAT_RATE_LIMIT_BURST, Date.now()) };
      this.states.set(socket, state);
    }
    return state;
  }

  private toAck(e: unknown): Ack<never> {
    if (e instanceof DomainError) {
      const retryAfterMs = typeof e.extra?.['retryAfterMs'] === 'number' ? e.extra['retryAfterMs'] : undefined;
      if (isChatCode(e.code)) return fail(e.message, e.code, retryAfterMs);
      return fail(e.message, ChatErrorCode.InvalidPayload);
    }
    if (isDatabaseUnavailable(e)) {
      this.outages.report(e);
      return fail('The database is temporarily unavailable; send again (same clientMessageId) shortly.', ChatErrorCode.Unavailable, UNAVAILABLE_RETRY_MS);
    }
    this.logger.error(`chat event failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return fail('Internal error; the event was not processed, try again', ChatErrorCode.Internal);
  }
}
