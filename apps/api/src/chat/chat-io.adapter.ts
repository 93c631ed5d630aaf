import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { isObservable, type Observable } from 'rxjs';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '@api/config/app-config';
import { createPostgresFanOut, type PostgresFanOut } from './postgres-fan-out';

/**
 * Largest socket.io packet accepted. A 4,000-character body is at most 16 KB of UTF-8; anything much bigger
 * is not a chat message, and engine.io closes the connection rather than buffer it.
 */
const MAX_PACKET_BYTES = 64 * 1024;
/** How long a cross-instance question (presence) waits for the other instances. */
const REQUESTS_TIMEOUT_MS = 2_000;

type RedisClient = ReturnType<typeof createClient>;
/** The socket as Nest's adapter types it (its own socket.io's declarations). */
type NestIoSocket = Parameters<IoAdapter['bindMessageHandlers']>[0];

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Nest's socket.io adapter plus the cluster adapter that carries every broadcast to the other API instances:
 * Redis pub/sub when REDIS_URL is set, otherwise PostgreSQL's LISTEN/NOTIFY on the database the instances
 * already share (@socket.io/postgres-adapter's adapter, ordered and with our own LISTEN connection: see
 * postgres-fan-out.ts; its `socket_io_attachments` table is in our migrations).
 * Both are best-effort live delivery only: durability comes from storing the message before the ack and from
 * clients catching up with `conversation:join {afterMessageId}` (see docs/chat.md).
 */
export class ChatIoAdapter extends IoAdapter {
  private readonly logger = new Logger('ChatAdapter');
  /** The PostgreSQL fan-out (when REDIS_URL is unset): its LISTEN connection, timers and publish pool. */
  private postgres?: PostgresFanOut;
  /** Each Redis client with its connect() in progress or done: dispose waits for it before closing. */
  private redisClients: Array<{ client: RedisClient; connecting: Promise<unknown> }> = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, { ...options, maxHttpBufferSize: MAX_PACKET_BYTES, serveClient: false });
    server.adapter(this.config.REDIS_URL ? this.redisAdapter(this.config.REDIS_URL) : this.postgresAdapter());
    return server;
  }

  /**
   * Each gateway handler bound straight on the socket. Nest's IoAdapter pipes every event through rxjs
   * (fromEvent, mergeMap, filter, map, takeUntil), which was about 5% of the API's CPU per chat message at
   * saturation (BENCHMARKS.md, "Issue 17, part four"). What a client sees is the same: its arguments read by
   * `mapPayload` as before, the handler's answer (Nest's context: pipes, guards, filters, as before) sent as the
   * ack, or as an event when it has one, and nothing once the socket has disconnected. A handler that answers
   * with an Observable still goes through Nest's `transform`.
   */
  override bindMessageHandlers(socket: NestIoSocket, handlers: MessageMappingProperties[], transform: (data: unknown) => Observable<unknown>): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(String(message), (...args: unknown[]) => {
        // What rxjs's fromEvent handed Nest: the one argument, or all of them as an array.
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]);
        const answer = (response: unknown): void => {
          if (response === null || response === undefined || !socket.connected) return;
          const { event, data: eventData } = response as { event?: unknown; data?: unknown };
          if (event) {
            socket.emit(String(event), eventData);
            return;
          }
          if (!isAckHandledManually && typeof ack === 'function') (ack as (r: unknown) => void)(response);
        };
        Promise.resolve(callback(data, ack)).then(
          (result: unknown) => (isObservable(result) ? void transform(result).subscribe(answer) : answer(result)),
          (e: unknown) => this.logger.error(`socket event ${String(message)} failed: ${describe(e)}`),
        );
      });
    }
  }

  /** Called by Nest after the socket.io server has closed (which closes the cluster adapters first). */
  override async dispose(): Promise<void> {
    // A client still connecting is not yet `isOpen`; closing it then was skipped, and its socket, opened a moment
    // later, kept the process (a test run, or a SIGTERMed API) alive. Wait for the connect to settle first.
    await Promise.allSettled(
      this.redisClients.splice(0).map(async ({ client, connecting }) => {
        await connecting;
        if (client.isOpen) await client.close();
      }),
    );
    // Sockets still closing may try a last broadcast, which is moot by then: the fan-out stays silent from here.
    await this.postgres?.dispose();
    this.postgres = undefined;
  }

  private postgresAdapter(): PostgresFanOut['adapter'] {
    this.postgres = createPostgresFanOut({
      connectionString: this.config.DATABASE_URL,
      requestsTimeout: REQUESTS_TIMEOUT_MS,
      warn: (message) => this.logger.warn(message),
    });
    return this.postgres.adapter;
  }

  private redisAdapter(url: string): ReturnType<typeof createRedisAdapter> {
    const pub = createClient({ url });
    const sub = pub.duplicate();
    this.redisClients = [pub, sub].map((client) => {
      client.on('error', (e: unknown) => this.logger.warn(`chat fan-out through Redis: ${describe(e)}`));
      // Commands issued while connecting are queued by the client, so the adapter may subscribe right away.
      const connecting = client.connect().catch((e: unknown) => this.logger.error(`cannot connect to REDIS_URL: ${describe(e)}`));
      return { client, connecting };
    });
    // Instances of one deployment share one database; keying the channels by it keeps deployments (and
    // test runs) that share a Redis from hearing each other.
    const database = new URL(this.config.DATABASE_URL).pathname.replace(/^\//, '') || 'default';
    return createRedisAdapter(pub, sub, { key: `pm-chat:${database}`, requestsTimeout: REQUESTS_TIMEOUT_MS });
  }
}
