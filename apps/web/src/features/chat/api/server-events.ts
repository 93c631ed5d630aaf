import type { ChatServerToClientEvents } from '@pm/contracts';
import type { ChatTransport } from './chat-transport';

export type ServerEvent = keyof ChatServerToClientEvents;

/** Handlers are kept untyped per event; `on` and `bind` keep each event's handlers to its own signature. */
type Handler = (...args: unknown[]) => void;

/**
 * Who listens to which server event, independent of the transport: subscriptions outlive reconnects and
 * restarts, and each new transport gets one dispatching listener per event (socket.io's own listeners die with
 * the socket).
 */
export class ServerEvents {
  private readonly handlers = new Map<ServerEvent, Set<Handler>>();
  private transport: ChatTransport | null = null;

  on<E extends ServerEvent>(event: E, handler: ChatServerToClientEvents[E]): () => void {
    let handlers = this.handlers.get(event);
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(event, handlers);
      if (this.transport) this.bind(this.transport, event);
    }
    const set = handlers;
    const untyped = handler as unknown as Handler;
    set.add(untyped);
    return () => void set.delete(untyped);
  }

  /** A new transport (or none): every event subscribed so far is dispatched from it. */
  attach(transport: ChatTransport | null): void {
    this.transport = transport;
    if (transport) for (const event of this.handlers.keys()) this.bind(transport, event);
  }

  private bind<E extends ServerEvent>(transport: ChatTransport, event: E): void {
    const dispatch: Handler = (...args) => {
      // A copy: a handler may unsubscribe while the event is dispatched.
      for (const handler of [...(this.handlers.get(event) ?? [])]) handler(...args);
    };
    transport.on(event, dispatch as unknown as ChatServerToClientEvents[E]);
  }
}
