import { Injectable, Logger } from '@nestjs/common';
import { ChatErrorCode } from '@pm/contracts';
import { unauthenticated } from '@api/auth/auth.errors';
import { TokenService } from '@api/auth/token.service';
import { DomainError } from '@api/common/domain-error';
import { isDatabaseUnavailable } from '@api/database/database-errors';
import type { ChatSocket, ChatSocketData } from './chat.types';

/** The handshake error a socket.io client receives as `connect_error` (message, and `data.code`). */
class HandshakeError extends Error {
  constructor(
    message: string,
    readonly data: { code: string },
  ) {
    super(message);
  }
}

/**
 * Authenticates chat sockets with the code HTTP uses: TokenService verifies the access token exactly as the
 * AccessGuard does (HS256, issuer, audience, expiry) and the user is loaded afresh, so a removed account
 * cannot connect with a token it still holds.
 */
@Injectable()
export class ChatAuthService {
  private readonly logger = new Logger('Chat');

  constructor(private readonly tokens: TokenService) {}

  /** Verifies a token and loads its user; throws UNAUTHENTICATED otherwise. */
  async authenticate(token: unknown): Promise<ChatSocketData> {
    if (typeof token !== 'string' || token.length === 0) throw unauthenticated('A chat connection needs auth: {token: <access token>}');
    const { claims, user } = await this.tokens.authenticateAccessToken(token);
    // jsonwebtoken always sets exp for tokens we sign; a token without one gets no more than the default lifetime.
    const tokenExpiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + 15 * 60_000;
    return { user: { id: user.id, fullName: user.fullName, role: user.role }, tokenExpiresAt };
  }

  /** `auth:refresh`: a fresh token of the same user extends the socket's life past the first token's expiry. */
  async refresh(socket: ChatSocket, token: string): Promise<{ expiresAt: string }> {
    const fresh = await this.authenticate(token);
    if (fresh.user.id !== socket.data.user.id) throw unauthenticated('That token belongs to another account: reconnect with it instead');
    socket.data.tokenExpiresAt = fresh.tokenExpiresAt;
    return { expiresAt: new Date(fresh.tokenExpiresAt).toISOString() };
  }

  /**
   * The namespace middleware: the handshake itself is refused (the client gets `connect_error`), so an
   * unauthenticated socket never connects, not even for a moment.
   */
  readonly middleware = (socket: ChatSocket, next: (err?: Error) => void): void => {
    const auth: Record<string, unknown> = socket.handshake.auth;
    this.authenticate(auth['token']).then(
      (data) => {
        socket.data = data;
        next();
      },
      (e: unknown) => {
        if (e instanceof DomainError) return next(new HandshakeError(e.message, { code: e.code }));
        if (isDatabaseUnavailable(e)) return next(new HandshakeError('The service is briefly unavailable; reconnect in a few seconds', { code: ChatErrorCode.Unavailable }));
        this.logger.error(`chat handshake failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        next(new HandshakeError('The server could not check the token; try again', { code: 'INTERNAL' }));
      },
    );
  };
}
