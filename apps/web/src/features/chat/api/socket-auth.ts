import type { TokenProvider } from '@web/lib/api-client';
import type { AckOf } from './chat-transport';

const REQUEST_TIMEOUT_MS = 10_000;

export interface SocketAuthOptions {
  tokens: TokenProvider;
  /** Emits `auth:refresh` on the current connection (rejects without one). */
  refresh: (token: string, timeoutMs: number) => Promise<AckOf<'auth:refresh'>>;
  /** The session cannot be renewed any more. */
  signedOut: () => void;
}

/**
 * The token the server knows the socket by, and its renewal: a handshake presents the app's current token, an
 * expired one is renewed through the app (once for concurrent callers) and handed to the open socket with
 * `auth:refresh`, so the socket never needs a reconnect just because a token expired.
 */
export class SocketAuth {
  /** The token of the handshake or the last accepted auth:refresh. */
  private socketToken: string | null = null;
  private renewing: Promise<boolean> | null = null;
  /** A token on its way to the server: the chat and notifications both report a renewal, one auth:refresh does. */
  private telling: string | null = null;

  constructor(private readonly o: SocketAuthOptions) {}

  /** For a handshake: the app's current token, remembered as the socket's. */
  handshakeToken(): string | null {
    this.socketToken = this.o.tokens.getAccessToken();
    return this.socketToken;
  }

  /** True when the socket has `token` already, or is being given it. */
  isCurrent(token: string): boolean {
    return token === this.socketToken || token === this.telling;
  }

  /** The app's current token when it is newer than the socket's; otherwise a renewed one (null: the session is over). */
  async freshToken(): Promise<string | null> {
    const current = this.o.tokens.getAccessToken();
    if (current && current !== this.socketToken) return current;
    if (!current) return null;
    return this.o.tokens.refresh(current);
  }

  /** The app's current token, when asking for a fresh one failed. */
  currentToken(): string | null {
    return this.o.tokens.getAccessToken();
  }

  /** An event was refused because the socket's token expired: renew it and tell the socket. */
  renew(): Promise<boolean> {
    this.renewing ??= (async () => {
      try {
        const fresh = await this.freshToken();
        if (fresh === null) {
          this.o.signedOut();
          return false;
        }
        return await this.tell(fresh);
      } catch {
        return false;
      } finally {
        this.renewing = null;
      }
    })();
    return this.renewing;
  }

  /** Hands `token` to the open socket; true once the server accepted it. */
  async tell(token: string): Promise<boolean> {
    this.telling = token;
    try {
      const ack = await this.o.refresh(token, REQUEST_TIMEOUT_MS);
      if (ack.ok) this.socketToken = token;
      return ack.ok;
    } catch {
      return false;
    } finally {
      if (this.telling === token) this.telling = null;
    }
  }
}
