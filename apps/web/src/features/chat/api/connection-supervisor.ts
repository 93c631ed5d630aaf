import { ChatErrorCode, type Ack, type ChatServerToClientEvents, type TypingSetPayload } from '@pm/contracts';
import type { TokenProvider } from '@web/lib/api-client';
import type { AckedEvent, AckOf, ChatTransport, ChatTransportFactory, ConnectFailure, PayloadOf } from './chat-transport';
import { ServerEvents, type ServerEvent } from './server-events';
import { SocketAuth } from './socket-auth';

/** `connecting` before the first connection, `reconnecting` after losing one, `signed-out` once the session is gone. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'signed-out';

export interface ConnectionSupervisorOptions {
  transport: ChatTransportFactory;
  tokens: TokenProvider;
  random?: () => number;
}

/** How long an acked event waits for its answer. */
const REQUEST_TIMEOUT_MS = 10_000;
const RECONNECT_BASE_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

/**
 * The one socket.io connection of a signed-in user, for every feature that listens on `/chat`: it connects while
 * anyone holds it (`retain`), reconnects with backoff after refusals socket.io gives up on, renews the socket's
 * token, and hands each connection an AbortSignal that is aborted when the connection goes away, so async work
 * of an older connection stops by itself.
 */
export class ConnectionSupervisor {
  private readonly random: () => number;
  private transport: ChatTransport | null = null;
  private holders = 0;
  private running = false;
  private readonly auth: SocketAuth;
  private readonly events = new ServerEvents();
  private connectAttempts = 0;
  private everConnected = false;
  private connection: AbortController | null = null;
  private currentStatus: ConnectionStatus = 'connecting';
  private readonly connectListeners = new Set<(signal: AbortSignal) => void>();
  private readonly statusListeners = new Set<(status: ConnectionStatus) => void>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly options: ConnectionSupervisorOptions) {
    this.random = options.random ?? Math.random;
    this.auth = new SocketAuth({ tokens: options.tokens, refresh: (token, timeoutMs) => this.emit('auth:refresh', { token }, timeoutMs), signedOut: () => this.setStatus('signed-out') });
    this.on('server:shutdown', ({ reconnectAfterMs }) => this.onShutdownNotice(reconnectAfterMs));
  }

  get status(): ConnectionStatus {
    return this.currentStatus;
  }

  get connected(): boolean {
    return this.transport?.connected ?? false;
  }

  /** The current connection's signal; an aborted one while there is none. */
  get signal(): AbortSignal {
    return this.connection?.signal ?? AbortSignal.abort();
  }

  /** Connects for the first holder and disconnects after the last one lets go. */
  retain(): () => void {
    this.holders++;
    if (this.holders === 1) this.start();
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.holders--;
      if (this.holders === 0) this.stop();
    };
  }

  /** A server event, on whichever connection is current now or later. */
  on<E extends ServerEvent>(event: E, handler: ChatServerToClientEvents[E]): () => void {
    return this.events.on(event, handler);
  }

  /** Every connection as it comes up, with the signal that is aborted when it goes away. */
  onConnect(listener: (signal: AbortSignal) => void): () => void {
    this.connectListeners.add(listener);
    return () => void this.connectListeners.delete(listener);
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  }

  /** The app renewed its session: tell the open socket, so its events keep working past the old token's expiry. */
  tokenChanged(token: string): void {
    if (!this.transport?.connected || this.auth.isCurrent(token)) return;
    void this.auth.tell(token);
  }

  /** Emits an acked event; renews the socket's token and tries once more when it had expired. */
  async request<E extends Exclude<AckedEvent, 'message:send' | 'auth:refresh'>>(event: E, payload: PayloadOf<E>): Promise<AckOf<E>> {
    const ack = await this.emit(event, payload, REQUEST_TIMEOUT_MS);
    const outcome = ack as Ack<object>;
    if (!outcome.ok && outcome.code === ChatErrorCode.Unauthenticated && (await this.auth.renew()) && this.connected) {
      return this.emit(event, payload, REQUEST_TIMEOUT_MS);
    }
    return ack;
  }

  /** Emits an acked event once, on the current connection; rejects without one or when no ack comes in time. */
  emit<E extends AckedEvent>(event: E, payload: PayloadOf<E>, timeoutMs: number): Promise<AckOf<E>> {
    const transport = this.transport;
    if (!transport?.connected) return Promise.reject(new Error('not connected'));
    return transport.request(event, payload, timeoutMs);
  }

  notifyTyping(payload: TypingSetPayload): void {
    if (this.transport?.connected) this.transport.notifyTyping(payload);
  }

  /** An event was refused because the socket's token expired: renew it (once for concurrent callers) and tell the socket. */
  renewSocketAuth(): Promise<boolean> {
    return this.auth.renew();
  }

  private start(): void {
    if (this.running) return;
    this.running = true;
    // Asked before every attempt, so a reconnect presents the app's current token.
    const transport = this.options.transport((callback) => callback({ token: this.auth.handshakeToken() ?? '' }));
    this.transport = transport;
    transport.onConnect(this.onConnected);
    transport.onDisconnect(this.onDisconnect);
    transport.onConnectError((failure) => void this.onConnectError(failure));
    this.events.attach(transport);
    this.setStatus(this.everConnected ? 'reconnecting' : 'connecting');
    transport.connect();
  }

  private stop(): void {
    if (!this.running) return;
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.transport?.close();
    this.transport = null;
    this.events.attach(null);
    this.endConnection();
  }

  private readonly onConnected = (): void => {
    this.connectAttempts = 0;
    this.everConnected = true;
    this.endConnection();
    const connection = new AbortController();
    this.connection = connection;
    this.setStatus('connected');
    for (const listener of [...this.connectListeners]) listener(connection.signal);
  };

  private readonly onDisconnect = (reason: string): void => {
    if (!this.running) return;
    this.endConnection();
    this.setStatus('reconnecting');
    // socket.io reconnects by itself after a lost connection, but not after the server closed the socket.
    if (reason === 'io server disconnect') this.scheduleConnect(this.backoff());
  };

  private async onConnectError(failure: ConnectFailure): Promise<void> {
    const transport = this.transport;
    if (!this.running || !transport) return;
    this.setStatus(this.everConnected ? 'reconnecting' : 'connecting');
    if (transport.active) return; // socket.io keeps trying by itself (the server is unreachable)
    // The handshake was refused: socket.io gives up, so the next attempt is ours to make.
    this.connectAttempts++;
    if (failure.code !== ChatErrorCode.Unauthenticated) return this.scheduleConnect(this.backoff());
    let fresh: string | null;
    try {
      fresh = await this.auth.freshToken();
    } catch {
      fresh = this.auth.currentToken();
    }
    if (!this.running || this.transport !== transport) return;
    if (fresh === null) return this.setStatus('signed-out');
    this.scheduleConnect(this.connectAttempts <= 1 ? 0 : this.backoff());
  }

  private onShutdownNotice(reconnectAfterMs: number): void {
    const transport = this.transport;
    if (!transport) return;
    // Leave now and come back after the hint (with jitter, so every client of the instance does not arrive at once).
    this.endConnection();
    transport.disconnect();
    this.setStatus('reconnecting');
    this.scheduleConnect(Math.max(0, reconnectAfterMs) * (1 + this.random() * 0.5));
  }

  /** Aborts the current connection's signal: its work stops and its listeners clear what only held while connected. */
  private endConnection(): void {
    const connection = this.connection;
    this.connection = null;
    connection?.abort();
  }

  private scheduleConnect(delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.running && this.transport && !this.transport.connected) this.transport.connect();
    }, delayMs);
    this.timers.add(timer);
  }

  private backoff(): number {
    const exp = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, this.connectAttempts - 1));
    return exp * (0.5 + this.random() * 0.5);
  }

  private setStatus(status: ConnectionStatus): void {
    this.currentStatus = status;
    for (const listener of [...this.statusListeners]) listener(status);
  }
}
