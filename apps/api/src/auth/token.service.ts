import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createCipheriv, createDecipheriv, createHash, createSecretKey, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { AppConfig } from '@api/config/app-config';
import { AppSettingsService } from '@api/database/app-settings.service';
import { AccountCache } from './account-cache';
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

/** What a spent refresh token keeps of the pair it was exchanged for, sealed under its own secret. */
interface SealedPair {
  accessToken: string;
  refreshToken: string;
}

/** The key that seals a spent token's replacement: derived from the token's secret, which only its holder has. */
const graceKey = (secret: string, tokenId: string): Buffer => Buffer.from(hkdfSync('sha256', secret, tokenId, 'refresh-reuse-grace', 32));

function seal(pair: SealedPair, secret: string, tokenId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', graceKey(secret, tokenId), iv);
  cipher.setAAD(Buffer.from(tokenId));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(pair), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

function unseal(text: string, secret: string, tokenId: string): SealedPair | undefined {
  try {
    const bytes = Buffer.from(text, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', graceKey(secret, tokenId), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(tokenId));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const pair = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')) as SealedPair;
    return typeof pair.accessToken === 'string' && typeof pair.refreshToken === 'string' ? pair : undefined;
  } catch {
    return undefined;
  }
}
/** How many verified access tokens a process remembers (about 1 KB each). */
const VERIFIED_TOKENS_KEPT = 10_000;

@Injectable()
export class TokenService {
  private signer?: JwtService;
  /**
   * Access tokens whose signature this process has verified, with their claims. Verifying an HS256 token costs
   * a quarter of a signed-in request's CPU (bench/profile), and a client presents the same token for its whole
   * life. Only the signature's verdict is kept: expiry is checked on every request, and the account and its
   * session version are checked afresh by authenticateAccessToken, so revocation is as immediate as before.
   */
  private readonly verified = new Map<string, AccessClaims>();

  constructor(
    private readonly config: AppConfig,
    private readonly settings: AppSettingsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountCache,
  ) {}

  /** Loads the signing secret: JWT_SECRET, or one generated once and shared through the database. */
  async init(): Promise<void> {
    const secret = this.config.JWT_SECRET ?? (await this.settings.getOrCreate('jwt_secret', () => randomBytes(48).toString('base64url')));
    // One KeyObject for the life of the process: handing jsonwebtoken a string makes it build a new key on
    // every verification, which profiling showed to be a tenth of the CPU of every signed-in request.
    this.verified.clear();
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
    const known = this.verified.get(token);
    if (known) {
      // The signature, issuer and audience of these exact bytes were checked under this key; the time moves on.
      if (Math.floor(Date.now() / 1000) < (known.exp as number)) return known;
      this.verified.delete(token);
      throw unauthenticated('The access token is invalid or expired');
    }
    let claims: AccessClaims;
    try {
      claims = await this.jwt().verifyAsync<AccessClaims>(token);
      if (typeof claims.sub !== 'string') throw new Error('no subject');
    } catch {
      throw unauthenticated('The access token is invalid or expired');
    }
    if (typeof claims.exp === 'number') {
      // Oldest first out: a client keeps presenting its newest token.
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, claims);
    }
    return claims;
  }

  /**
   * An access token checked against the account behind it, as it is now: verified, the user loaded afresh,
   * refused once the account is gone, deactivated or its sessions were ended. HTTP and chat both call this.
   */
  async authenticateAccessToken(token: string): Promise<{ claims: AccessClaims; user: Actor }> {
    const claims = await this.verifyAccessToken(token);
    // From memory while the change feed is live (AccountCache): no query on a signed-in request.
    const account = await this.accounts.get(claims.sub);
    if (!account) throw unauthenticated('This account no longer exists');
    assertSessionCurrent(claims, account);
    return { claims, user: { id: account.id, email: account.email, fullName: account.fullName, role: account.role } };
  }

  /** Issues an access token and the first refresh token of a new family (a sign-in), under the user's current session version. */
  async issue(userId: string, role: Role, manager: EntityManager = this.dataSource.manager): Promise<TokenPair> {
    const rows: Array<{ session_version: number }> = await manager.query('SELECT session_version FROM app_user WHERE id = $1', [userId]);
    return this.issueInFamily(userId, role, rows[0]?.session_version ?? 0, randomUUID(), manager);
  }

  /**
   * Spends a refresh token and issues the next pair of its family. A token presented twice means it leaked:
   * its whole family is revoked and the caller must sign in again; except within REFRESH_REUSE_GRACE_SECONDS
   * of its first use, when it answers the pair it was exchanged for (two tabs refreshing at once: the row lock
   * makes the second wait for the first, which then finds the token spent).
   */
  async rotate(presented: string, loadAccount: AccountLoader): Promise<TokenPair & { userId: string }> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !isUuid(id)) throw invalidRefreshToken();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(RefreshTokenEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row || !this.secretMatches(row.secretHash, secret)) return { ok: false as const };
      if (row.usedAt && !row.revokedAt) {
        const again = await this.pairWithinGrace(row, secret, loadAccount, manager);
        if (again) return { ok: true as const, pair: again };
      }
      if (row.usedAt || row.revokedAt) {
        await manager.update(RefreshTokenEntity, { familyId: row.familyId }, { revokedAt: new Date() });
        return { ok: false as const };
      }
      if (row.expiresAt.getTime() <= Date.now()) return { ok: false as const };
      const account = await loadAccount(row.userId, manager);
      // A token issued before a password change or a deactivation is dead, even if it raced the revocation.
      if (!account || account.deactivatedAt || account.sessionVersion !== row.sessionVersion) return { ok: false as const };
      const pair = await this.issueInFamily(row.userId, account.role, account.sessionVersion, row.familyId, manager);
      const replacedById = pair.refreshToken.split('.')[0] as string;
      const graceSealed = this.config.REFRESH_REUSE_GRACE_SECONDS > 0 ? seal({ accessToken: pair.accessToken, refreshToken: pair.refreshToken }, secret, row.id) : null;
      await manager.update(RefreshTokenEntity, { id: row.id }, { usedAt: new Date(), replacedById, graceSealed });
      // The token this one replaced has no more use for its sealed copy of this one.
      await manager.update(RefreshTokenEntity, { replacedById: row.id }, { graceSealed: null });
      return { ok: true as const, pair: { ...pair, userId: row.userId } };
    });
    // The family revocation above must commit, so the refusal is thrown only after the transaction.
    if (!outcome.ok) throw invalidRefreshToken();
    return outcome.pair;
  }

  /**
   * The pair a spent token was exchanged for, if it was spent less than REFRESH_REUSE_GRACE_SECONDS ago, its
   * replacement is still alive and the account's sign-ins have not been ended since; otherwise undefined (and
   * the caller treats the token as stolen).
   */
  private async pairWithinGrace(row: RefreshTokenEntity, secret: string, loadAccount: AccountLoader, manager: EntityManager): Promise<(TokenPair & { userId: string }) | undefined> {
    const graceMs = this.config.REFRESH_REUSE_GRACE_SECONDS * 1000;
    if (graceMs <= 0 || !row.usedAt || !row.graceSealed || !row.replacedById || Date.now() - row.usedAt.getTime() > graceMs) return undefined;
    const replacement = await manager.findOne(RefreshTokenEntity, { where: { id: row.replacedById } });
    if (!replacement || replacement.revokedAt) return undefined;
    const account = await loadAccount(row.userId, manager);
    if (!account || account.deactivatedAt || account.sessionVersion !== replacement.sessionVersion) return undefined;
    const pair = unseal(row.graceSealed, secret, row.id);
    return pair ? { ...pair, expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS, userId: row.userId } : undefined;
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
      replacedById: null,
      graceSealed: null,
    });
    return { accessToken, refreshToken: `${id}.${secret}`, expiresIn };
  }
}
