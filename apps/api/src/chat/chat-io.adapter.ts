import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Pool } from 'pg';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '@api/config/app-config';

/**
 * Largest socket.io packet accepted. A 4,000-character body is at most 16 KB of UTF-8; anything much bigger
 * is not a chat message, and engine.io closes the connection rather than buffer it.
 */
const MAX_PACKET_BYTES = 64 * 1024;
/** How long a cross-instance question (presence) waits for the other instances. */
const REQUESTS_TIMEOUT_MS = 2_000;

type RedisClient = ReturnType<typeof createClient>;
type PostgresAdapter = ReturnType<ReturnType<typeof createPostgresAdapter>>;

/**
 * @socket.io/postgres-adapter publishes every broadcast with its own pool query and delivers it to this
 * instance's sockets only when that query returns; queries on different connections return in any order, so
 * messages broadcast as a, b could reach sockets here and on other instances as b, a. Chaining the publishes
 * makes NOTIFY order, and with it local delivery order, the order of the broadcasts (which the chat makes
 * the storage order of each conversation). The Redis adapter needs none of this: it delivers locally at once
 * and its one publishing connection keeps order by itself.
 */
function publishInOrder(adapter: PostgresAdapter): PostgresAdapter {
  // doPublish is the adapter's documented extension point (ClusterAdapter), protected in its typings.
  const target = adapter as unknown as { doPublish(message: unknown): Promise<unknown> };
  const publish = target.doPublish.bind(adapter);
  let tail: Promise<unknown> = Promise.resolve();
  target.doPublish = (message: unknown): Promise<unknown> => {
    const result = tail.then(() => publish(message));
    tail = result.catch(() => undefined);
    return result;
  };
  return adapter;
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Nest's socket.io adapter plus the cluster adapter that carries every broadcast to the other API instances:
 * Redis pub/sub when REDIS_URL is set, otherwise PostgreSQL's LISTEN/NOTIFY on the database the instances
 * already share (@socket.io/postgres-adapter; its `socket_io_attachments` table is in our migrations).
 * Both are best-effort live delivery only: durability comes from storing the message before the ack and from
 * clients catching up with `conversation:join {afterMessageId}` (see docs/chat.md).
 */
export class ChatIoAdapter extends IoAdapter {
  private readonly logger = new Logger('ChatAdapter');
  private pool?: Pool;
  private redisClients: RedisClient[] = [];
  /** Set once disposing: sockets still closing may try a last broadcast, which is moot by then. */
  private disposed = false;

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

  /** Called by Nest after the socket.io server has closed (which closes the cluster adapters first). */
  override async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.allSettled(this.redisClients.map((c) => (c.isOpen ? c.close() : Promise.resolve())));
    this.redisClients = [];
    await this.pool?.end().catch((e: unknown) => this.logger.warn(`closing the adapter's pool: ${describe(e)}`));
    this.pool = undefined;
  }

  private postgresAdapter(): ReturnType<typeof createPostgresAdapter> {
    // Its own small pool: one connection stays in LISTEN, the others publish; the app's pool is left alone.
    this.pool = new Pool({ connectionString: this.config.DATABASE_URL, max: 4, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 });
    // An idle client's error (the database restarting) must not become an uncaught 'error' event.
    this.pool.on('error', (e) => this.logger.warn(`chat adapter connection lost: ${describe(e)}`));
    const create = createPostgresAdapter(this.pool, {
      requestsTimeout: REQUESTS_TIMEOUT_MS,
      errorHandler: (e) => {
        if (!this.disposed) this.logger.warn(`chat fan-out through PostgreSQL failed: ${describe(e)}`);
      },
    });
    // socket.io calls the factory with `new`, so it must be a function, not an arrow.
    return function orderedPostgresAdapter(nsp: unknown): PostgresAdapter {
      return publishInOrder(create(nsp));
    };
  }

  private redisAdapter(url: string): ReturnType<typeof createRedisAdapter> {
    const pub = createClient({ url });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) {
      client.on('error', (e: unknown) => this.logger.warn(`chat fan-out through Redis: ${describe(e)}`));
      // Commands issued while connecting are queued by the client, so the adapter may subscribe right away.
      client.connect().catch((e: unknown) => this.logger.error(`cannot connect to REDIS_URL: ${describe(e)}`));
    }
    this.redisClients = [pub, sub];
    // Instances of one deployment share one database; keying the channels by it keeps deployments (and
    // test runs) that share a Redis from hearing each other.
    const database = new URL(this.config.DATABASE_URL).pathname.replace(/^\//, '') || 'default';
    return createRedisAdapter(pub, sub, { key: `pm-chat:${database}`, requestsTimeout: REQUESTS_TIMEOUT_MS });
  }
}
