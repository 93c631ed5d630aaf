import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, createSecretKey, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { AppConfig } from '@api/config/app-config';
import { AppSettingsService } from '@api/database/app-settings.service';
import { invalidRefreshToken, unauthenticated } from './auth.errors';
import { RefreshTokenEntity } from './refresh-token.entity';
import { isUuid } from '@api/common/uuid';

export const JWT_ISSUER = 'peer-mentoring';
export const JWT_AUDIENCE = 'peer-mentoring-api';
const JWT_ALGORITHM = 'HS256';

export interface AccessClaims {
  sub: string;
  role: Role;
  /** The user's session version at issue (absent in tokens from before versions existed: 0). */
  sv?: number;
  exp?: number;
}

/** What decides whether an account's tokens still count: its session version and whether it is active. */
export interface SessionState {
  sessionVersion: number;
  deactivatedAt: Date | null;
}

/**
 * An access token is only as good as the account behind it: refused once the account is deactivated or its
 * sessions were ended (a password change) after the token was issued. Used by HTTP and chat alike.
 */
export function assertSessionCurrent(claims: AccessClaims, account: SessionState): void {
  if (account.deactivatedAt) throw unauthenticated('This account has been deactivated');
  if ((claims.sv ?? 0) !== account.sessionVersion) throw unauthenticated('This sign-in has ended (the password was changed or the account deactivated); sign in again');
}

/** The loader `rotate` uses for the token's user, inside its transaction. */
export type AccountLoader = (userId: string, manager: EntityManager) => Promise<(SessionState & { role: Role }) | undefined | null>;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
@Injectable()
export class TokenService {
  private signer?: JwtService;

  constructor(
    private readonly config: AppConfig,
    private readonly settings: AppSettingsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Loads the signing secret: JWT_SECRET, or one generated once and shared through the database. */
  async init(): Promise<void> {
    const secret = this.config.JWT_SECRET ?? (await this.settings.getOrCreate('jwt_secret', () => randomBytes(48).toString('base64url')));
    // One KeyObject for the life of the process: handing jsonwebtoken a string makes it build a new key on
    // every verification, which profiling showed to be a tenth of the CPU of every signed-in request.
    this.signer = new JwtService({
      secret: createSecretKey(Buffer.from(secret, 'utf8')),
      signOptions: { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
      verifyOptions: { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
    });
  }

  private jwt(): JwtService {
    if (!this.signer) throw new Error('TokenService.init() was not called');
    return this.signer;
  }

  async verifyAccessToken(token: string): Promise<AccessClaims> {
    try {
      const claims = await this.jwt().verifyAsync<AccessClaims>(token);
      if (typeof claims.sub !== 'string') throw new Error('no subject');
      return claims;
    } catch {
      throw unauthenticated('The access token is invalid or expired');
    }
  }

  /**
   * An access token checked against the account behind it, as it is now: verified, the user loaded afresh,
   * refused once the account is gone, deactivated or its sessions were ended. HTTP and chat both call this.
   */
  async authenticateAccessToken(token: string): Promise<{ claims: AccessClaims; user: Actor }> {
    const claims = await this.verifyAccessToken(token);
    // A plain query: this runs on every signed-in request, and the ORM's entity machinery costs more than the lookup.
    const rows: Array<{ id: string; email: string; full_name: string; role: Role; session_version: number; deactivated_at: Date | null }> = await this.dataSource.query(
      'SELECT id, email, full_name, role, session_version, deactivated_at FROM app_user WHERE id = $1',
      [claims.sub],
    );
    const row = rows[0];
    if (!row) throw unauthenticated('This account no longer exists');
    assertSessionCurrent(claims, { sessionVersion: row.session_version, deactivatedAt: row.deactivated_at });
    return { claims, user: { id: row.id, email: row.email, fullName: row.full_name, role: row.role } };
  }

  /** Issues an access token and the first refresh token of a new family (a sign-in), under the user's current session version. */
  async issue(userId: string, role: Role, manager: EntityManager = this.dataSource.manager): Promise<TokenPair> {
    const rows: Array<{ session_version: number }> = await manager.query('SELECT session_version FROM app_user WHERE id = $1', [userId]);
    return this.issueInFamily(userId, role, rows[0]?.session_version ?? 0, randomUUID(), manager);
  }

  /**
   * Spends a refresh token and issues the next pair of its family. A token presented twice means it leaked:
   * its whole family is revoked and the caller must sign in again.
   */
  async rotate(presented: string, loadAccount: AccountLoader): Promise<TokenPair & { userId: string }> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !isUuid(id)) throw invalidRefreshToken();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(RefreshTokenEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row || !this.secretMatches(row.secretHash, secret)) return { ok: false as const };
      if (row.usedAt || row.revokedAt) {
        await manager.update(RefreshTokenEntity, { familyId: row.familyId }, { revokedAt: new Date() });
        return { ok: false as const };
      }
      if (row.expiresAt.getTime() <= Date.now()) return { ok: false as const };
      const account = await loadAccount(row.userId, manager);
      // A token issued before a password change or a deactivation is dead, even if it raced the revocation.
      if (!account || account.deactivatedAt || account.sessionVersion !== row.sessionVersion) return { ok: false as const };
      await manager.update(RefreshTokenEntity, { id: row.id }, { usedAt: new Date() });
      const pair = await this.issueInFamily(row.userId, account.role, account.sessionVersion, row.familyId, manager);
      return { ok: true as const, pair: { ...pair, userId: row.userId } };
    });
    // The family revocation above must commit, so the refusal is thrown only after the transaction.
    if (!outcome.ok) throw invalidRefreshToken();
    return outcome.pair;
  }

  /** Revokes the family of a refresh token (sign-out). Unknown tokens are ignored: sign-out always succeeds. */
  async revokeFamilyOf(presented: string): Promise<void> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !isUuid(id)) return;
    const row = await this.dataSource.manager.findOne(RefreshTokenEntity, { where: { id } });
    if (!row || !this.secretMatches(row.secretHash, secret)) return;
    await this.dataSource.manager.update(RefreshTokenEntity, { familyId: row.familyId }, { revokedAt: new Date() });
  }

  private secretMatches(storedHash: string, secret: string): boolean {
    return timingSafeEqual(Buffer.from(storedHash, 'hex'), Buffer.from(sha256(secret), 'hex'));
  }

  private async issueInFamily(userId: string, role: Role, sessionVersion: number, familyId: string, manager: EntityManager): Promise<TokenPair> {
    const expiresIn = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const accessToken = await this.jwt().signAsync({ sub: userId, role, sv: sessionVersion } satisfies AccessClaims, { expiresIn });
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await manager.insert(RefreshTokenEntity, {
      id,
      userId,
      familyId,
      secretHash: sha256(secret),
      sessionVersion,
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
      usedAt: null,
      revokedAt: null,
    });
    return { accessToken, refreshToken: `${id}.${secret}`, expiresIn };
  }
}
