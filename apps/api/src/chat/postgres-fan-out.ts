import { PostgresAdapter, type PostgresAdapterOptions } from '@socket.io/postgres-adapter';
import { Client, escapeIdentifier, Pool, type Notification } from 'pg';
import type { Namespace } from 'socket.io';
import { MessageType, type BroadcastOptions, type ClusterAdapterOptions, type ClusterMessage, type Offset } from 'socket.io-adapter';

/** The attachments table (migrations create it) keeps rows this long, as @socket.io/postgres-adapter's own factory does. */
const CLEANUP_INTERVAL_MS = 30_000;
/** After the LISTEN connection is lost, the next attempt comes after 1 to 3 s: jitter keeps restarted instances apart. */
const RECONNECT_DELAY_MS = 2_000;
/** dispose() waits this long at most for the LISTEN connection to say goodbye; a dead peer must not hang app.close(). */
const END_TIMEOUT_MS = 5_000;

type AdapterOptions = Partial<PostgresAdapterOptions & ClusterAdapterOptions>;

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * @socket.io/postgres-adapter publishes every broadcast with its own pool query and delivers it to this
 * instance's sockets only when that query returns. Two consequences, both fixed here:
 *
 * - queries on different connections return in any order, so messages broadcast as a, b could reach sockets
 *   as b, a. Chaining the publishes (doPublish) makes NOTIFY order, and with it the delivery order on every
 *   other instance (see the dispatch in createPostgresFanOut), the order of the broadcasts (which the chat
 *   makes the storage order of each conversation);
 * - local delivery waits for a round trip, and with the chain for every earlier publish too: under load the
 *   sockets of this very instance (all of them, in a single-instance deployment) fell seconds behind the
 *   acks (bench/chat). Local sockets are served at once instead (broadcast), in broadcast order, as the Redis
 *   adapter does, and the publish for the other instances follows in the background.
 */
export class OrderedPostgresAdapter extends PostgresAdapter {
  /** The last publish handed to the pool; the next one starts when it has settled. */
  private publishTail: Promise<unknown> = Promise.resolve();

  constructor(
    nsp: Namespace,
    pool: Pool,
    opts: AdapterOptions,
    /** Told when socket.io closes this adapter, so that whoever LISTENs for it stops. */
    private readonly onClose: (adapter: OrderedPostgresAdapter) => void = () => undefined,
  ) {
    super(nsp, pool, opts);
  }

  protected override doPublish(message: ClusterMessage): Promise<Offset> {
    const published = this.publishTail.then(() => super.doPublish(message));
    // A failed publish is reported by the library (errorHandler); it must not stop the ones after it.
    this.publishTail = published.catch(() => undefined);
    return published;
  }

  override broadcast(packet: unknown, opts: BroadcastOptions): Promise<void> {
    if (!opts.flags?.local) {
      // The options are copied now: the caller may reuse its sets once this returns. publishAndReturnOffset,
      // as ClusterAdapter.broadcast itself does: `publish` would also re-arm the heartbeat timer, which keeps a
      // closed adapter (and its process) alive when a broadcast follows close(). The offset it returns is only
      // for connection state recovery, which this adapter does not support (it is always "").
      this.publishAndReturnOffset({
        type: MessageType.BROADCAST,
        data: { packet, opts: { rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags ?? {} } },
      }).catch(() => undefined);
    }
    // ClusterAdapter.broadcast with the `local` flag is socket.io's own "this instance only": it skips the
    // publish and hands the packet to the in-memory adapter before returning (nothing is awaited on that
    // path), so local sockets get broadcasts at once and in order. That avoids reaching past ClusterAdapter to
    // Adapter.prototype.broadcast; the int spec (postgres-fan-out.int-spec.ts) pins the behaviour.
    return super.broadcast(packet, { ...opts, flags: { ...opts.flags, local: true } });
  }

  override close(): void {
    this.onClose(this);
    super.close();
  }
}

export interface PostgresFanOutOptions {
  /** The database every instance shares (DATABASE_URL). */
  connectionString: string;
  /** How long a cross-instance question (presence) waits for the other instances. */
  requestsTimeout: number;
  /** Where failures go; nothing is reported once dispose() has started. */
  warn: (message: string) => void;
  /** Names the connections in pg_stat_activity (the LISTEN one as is, the publishing ones with `:publish`). */
  applicationName?: string;
}

export interface PostgresFanOut {
  /** socket.io's adapter factory: `server.adapter(fanOut.adapter)`. */
  readonly adapter: (nsp: Namespace) => OrderedPostgresAdapter;
  /** Closes the LISTEN connection (even one still being opened), stops the timers and ends the publish pool. */
  dispose(): Promise<void>;
}

/**
 * Our replacement for @socket.io/postgres-adapter's createAdapter. Its factory takes the LISTEN connection
 * from the pool it is given and never gives back one that was still being opened when the adapter closed (an
 * app closed right after it started): pool.end() then waited for it forever and app.close() hung. Here the
 * LISTEN connection is a pg.Client of our own, outside the publish pool, and dispose() ends it in any state.
 *
 * One connection LISTENs on the channel of every adapter (one per namespace) and hands each notification to
 * that adapter, one after the other: a notification whose payload is in the attachments table (over NOTIFY's
 * 8000 bytes, as a long chat message is) needs a query first, and the library's own dispatch let the next,
 * smaller notification overtake it.
 */
export function createPostgresFanOut(options: PostgresFanOutOptions): PostgresFanOut {
  const applicationName = options.applicationName ?? 'peer-mentoring-api:chat-fan-out';
  let disposed = false;
  let disposing: Promise<void> | undefined;
  const warn = (what: string, e: unknown): void => {
    if (!disposed) options.warn(`${what}: ${describe(e)}`);
  };
  const failed = (e: unknown): void => warn('chat fan-out through PostgreSQL failed', e);

  // Its own small pool for publishing; the app's pool is left alone.
  const pool = new Pool({
    connectionString: options.connectionString,
    application_name: `${applicationName}:publish`,
    max: 4,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client's error (the database restarting) must not become an uncaught 'error' event.
  pool.on('error', (e) => warn('chat adapter connection lost', e));

  const adapters = new Map<string, OrderedPostgresAdapter>();
  /** The LISTEN connection, from the moment it starts connecting until it is lost or closed. */
  let listener: Client | undefined;
  /** Whether `listener` has connected: from then on a new adapter's channel is LISTENed at once. */
  let connected = false;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let cleanupTimer: NodeJS.Timeout | undefined;
  /** Connections being ended; dispose() waits for them. */
  const ending = new Set<Promise<void>>();
  /** The last notification handed to its adapter; the next one waits for it (see above). */
  let dispatched: Promise<void> = Promise.resolve();

  const listen = (client: Client, channel: string): void => {
    client.query(`LISTEN ${escapeIdentifier(channel)}`).catch(failed);
  };

  const dispatch = (notification: Notification): void => {
    const adapter = adapters.get(notification.channel);
    const payload = notification.payload;
    if (!adapter || payload === undefined) return;
    dispatched = dispatched
      .then(async () => {
        await adapter.onEvent(payload);
      })
      .catch(failed);
  };

  /** Ends a connection we no longer use; client.end() settles once it has closed, even mid-connect. */
  const end = (client: Client): void => {
    const ended: Promise<void> = client
      .end()
      .catch(() => undefined)
      .then(() => {
        ending.delete(ended);
      });
    ending.add(ended);
  };

  const open = (): void => {
    if (disposed || listener || reconnectTimer || adapters.size === 0) return;
    const client = new Client({ connectionString: options.connectionString, application_name: applicationName, connectionTimeoutMillis: 5_000, keepAlive: true });
    listener = client;
    connected = false;
    client.on('notification', dispatch);
    // Emitted when the server drops the connection (followed by 'end'); mid-connect, connect() rejects instead.
    client.on('error', (e) => {
      if (listener === client) warn('chat adapter connection lost', e);
    });
    client.on('end', () => lost(client));
    // Ended by us while connecting, connect() never settles: everything that matters hangs off 'end' instead.
    client.connect().then(
      () => {
        if (listener !== client) return;
        connected = true;
        for (const channel of adapters.keys()) listen(client, channel);
      },
      (e: unknown) => {
        if (listener === client) failed(e);
        lost(client);
      },
    );
  };

  /** The LISTEN connection ended or could not be opened without us asking: try again a little later. */
  function lost(client: Client): void {
    if (listener !== client) return;
    listener = undefined;
    connected = false;
    end(client);
    if (disposed || adapters.size === 0) return;
    reconnectTimer = setTimeout(
      () => {
        reconnectTimer = undefined;
        open();
      },
      Math.floor(RECONNECT_DELAY_MS * (0.5 + Math.random())),
    );
  }

  const closeListener = (): void => {
    clearTimeout(reconnectTimer);
    reconnectTimer = undefined;
    if (!listener) return;
    const client = listener;
    listener = undefined;
    connected = false;
    end(client);
  };

  const startCleanup = (): void => {
    if (cleanupTimer) return;
    const timer: NodeJS.Timeout = setTimeout(() => {
      pool
        .query(`DELETE FROM socket_io_attachments WHERE created_at < now() - $1::int * interval '1 millisecond'`, [CLEANUP_INTERVAL_MS])
        .catch(failed)
        .finally(() => {
          // Re-armed after the query rather than on an interval, so that a slow DELETE never overlaps the next.
          if (cleanupTimer === timer) timer.refresh();
        });
    }, CLEANUP_INTERVAL_MS);
    cleanupTimer = timer;
  };

  const stopCleanup = (): void => {
    clearTimeout(cleanupTimer);
    cleanupTimer = undefined;
  };

  const removeAdapter = (adapter: OrderedPostgresAdapter): void => {
    if (adapters.get(adapter.channel) !== adapter) return;
    adapters.delete(adapter.channel);
    if (adapters.size > 0) {
      if (listener && connected) listener.query(`UNLISTEN ${escapeIdentifier(adapter.channel)}`).catch(failed);
      return;
    }
    // The last one (the socket.io server is closing): nothing is left to listen for or clean up.
    stopCleanup();
    closeListener();
  };

  // socket.io calls the factory with `new`, so it must be a function, not an arrow (an object it returns
  // is what `new` yields).
  function orderedPostgresAdapter(nsp: Namespace): OrderedPostgresAdapter {
    const adapter = new OrderedPostgresAdapter(nsp, pool, { requestsTimeout: options.requestsTimeout, errorHandler: failed }, removeAdapter);
    adapters.set(adapter.channel, adapter);
    startCleanup();
    // Connecting (or waiting to reconnect): the channel is LISTENed with the others once connected.
    if (listener && connected) listen(listener, adapter.channel);
    else open();
    return adapter;
  }

  const dispose = async (): Promise<void> => {
    disposed = true;
    stopCleanup();
    closeListener();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all([...ending]), new Promise<void>((resolve) => (timer = setTimeout(resolve, END_TIMEOUT_MS)))]);
    clearTimeout(timer);
    // Reported even now: a pool that does not end is worth knowing about.
    await pool.end().catch((e: unknown) => options.warn(`closing the adapter's pool: ${describe(e)}`));
  };

  return {
    adapter: orderedPostgresAdapter,
    dispose: () => (disposing ??= dispose()),
  };
}
