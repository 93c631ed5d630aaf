import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Pool, type PoolClient } from 'pg';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import { Adapter as InMemoryAdapter, MessageType, type BroadcastOptions } from 'socket.io-adapter';
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
 * instance's sockets only when that query returns. Two consequences, both fixed here:
 *
 * - queries on different connections return in any order, so messages broadcast as a, b could reach sockets
 *   as b, a. Chaining the publishes makes NOTIFY order, and with it the delivery order on every other
 *   instance, the order of the broadcasts (which the chat makes the storage order of each conversation);
 * - local delivery waits for a round trip, and with the chain for every earlier publish too: under load the
 *   sockets of this very instance (all of them, in a single-instance deployment) fell seconds behind the
 *   acks (bench/chat). Local sockets are served at once instead, in broadcast order, as the Redis adapter
 *   does, and the publish for the other instances follows in the background.
 */
function deliverLocallyThenPublishInOrder(adapter: PostgresAdapter): PostgresAdapter {
  // doPublish, publishAndReturnOffset and broadcast are ClusterAdapter's extension points (protected in its typings).
  const target = adapter as unknown as {
    doPublish(message: unknown): Promise<unknown>;
    publishAndReturnOffset(message: unknown): Promise<unknown>;
    broadcast(packet: unknown, opts: BroadcastOptions): void;
  };
  const publish = target.doPublish.bind(adapter);
  let tail: Promise<unknown> = Promise.resolve();
  target.doPublish = (message: unknown): Promise<unknown> => {
    const result = tail.then(() => publish(message));
    tail = result.catch(() => undefined);
    return result;
  };
  const deliverLocally = InMemoryAdapter.prototype.broadcast;
  target.broadcast = function broadcastLocalFirst(this: InMemoryAdapter, packet: unknown, opts: BroadcastOptions): void {
    if (!opts.flags?.local) {
      // The options are copied now: the caller may reuse its sets once this returns.
      // publishAndReturnOffset, as ClusterAdapter.broadcast itself does: `publish` would also re-arm the
      // heartbeat timer, which keeps a closed adapter (and its process) alive when a broadcast follows close().
      target
        .publishAndReturnOffset({ type: MessageType.BROADCAST, data: { packet, opts: { rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags } } })
        .catch(() => undefined);
    }
    deliverLocally.call(this, packet as Parameters<InMemoryAdapter['broadcast']>[0], opts);
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
  /** Each Redis client with its connect() in progress or done: dispose waits for it before closing. */
  private redisClients: Array<{ client: RedisClient; connecting: Promise<unknown> }> = [];
  /** Set once disposing: sockets still closing may try a last broadcast, which is moot by then. */
  private disposed = false;
  /** The connections the PostgreSQL adapter opened for LISTEN, and whether it gave each back (see postgresAdapter). */
  private listenClients: Array<Promise<{ client: PoolClient; released: () => boolean }>> = [];

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
    // A client still connecting is not yet `isOpen`; closing it then was skipped, and its socket, opened a moment
    // later, kept the process (a test run, or a SIGTERMed API) alive. Wait for the connect to settle first.
    await Promise.allSettled(
      this.redisClients.splice(0).map(async ({ client, connecting }) => {
        await connecting;
        if (client.isOpen) await client.close();
      }),
    );
    // The adapter opens its LISTEN connection in the background and releases it when closed, but one still
    // being opened at that moment (an app closed right after it started) is never released, and pool.end()
    // then waited for it forever: app.close() hung. Release (and drop) what it kept.
    for (const opened of await Promise.allSettled(this.listenClients.splice(0))) {
      if (opened.status !== 'fulfilled' || opened.value.released()) continue;
      opened.value.client.removeAllListeners('end');
      opened.value.client.release(true);
    }
    await this.pool?.end().catch((e: unknown) => this.logger.warn(`closing the adapter's pool: ${describe(e)}`));
    this.pool = undefined;
  }

  private postgresAdapter(): ReturnType<typeof createPostgresAdapter> {
    // Its own small pool: one connection stays in LISTEN, the others publish; the app's pool is left alone.
    this.pool = new Pool({ connectionString: this.config.DATABASE_URL, max: 4, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 });
    // An idle client's error (the database restarting) must not become an uncaught 'error' event.
    this.pool.on('error', (e) => this.logger.warn(`chat adapter connection lost: ${describe(e)}`));
    // The adapter takes its LISTEN connection with a bare pool.connect(); keep those for dispose().
    const pool = this.pool;
    const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
    pool.connect = ((...args: unknown[]) => {
      const result = connect(...args);
      if (args.length > 0) return result;
      // Registered before the adapter's own continuation, so the release it calls is this wrapped one.
      const tracked = (result as Promise<PoolClient>).then((client) => {
        let released = false;
        const release = client.release.bind(client);
        client.release = (destroy?: boolean | Error) => {
          released = true;
          release(destroy);
        };
        return { client, released: () => released };
      });
      // A failed connect is the adapter's to report (it retries); here it only must not be an unhandled rejection.
      tracked.catch(() => undefined);
      this.listenClients.push(tracked);
      return result;
    }) as Pool['connect'];
    const create = createPostgresAdapter(this.pool, {
      requestsTimeout: REQUESTS_TIMEOUT_MS,
      errorHandler: (e) => {
        if (!this.disposed) this.logger.warn(`chat fan-out through PostgreSQL failed: ${describe(e)}`);
      },
    });
    // socket.io calls the factory with `new`, so it must be a function, not an arrow.
    return function orderedPostgresAdapter(nsp: unknown): PostgresAdapter {
      return deliverLocallyThenPublishInOrder(create(nsp));
    };
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
