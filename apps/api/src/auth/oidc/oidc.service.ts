import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, Role, type OidcExchangeResponse } from '@pm/contracts';
import { AuditService } from '@api/audit/audit.service';
import { DomainError } from '@api/common/domain-error';
import { AppConfig } from '@api/config/app-config';
import { InvitationsService } from '@api/invitations/invitations.service';
import { sha256 } from '@api/invitations/invitation-tokens';
import { toUserResponse } from '@api/users/users.mapper';
import { UserEntity } from '@api/users/user.entity';
import { accountDeactivated } from '../auth.errors';
import { TokenService } from '../token.service';
import { oidcEmailNotVerified, oidcIdentityInUse, oidcNotConfigured, oidcSignInFailed } from './oidc.errors';

type OpenIdClient = typeof import('openid-client');
type Configuration = import('openid-client').Configuration;

/** How long a started sign-in may take at the provider. */
const LOGIN_TTL_MS = 10 * 60_000;
/** How long the dashboard has to trade the hand-off code for tokens after the callback. */
const HANDOFF_TTL_MS = 2 * 60_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const CALLBACK_PATH = '/api/auth/oidc/callback';

// openid-client is ESM-only: loaded on first use (Node's require of ES modules at run time), never at boot.
let library: Promise<OpenIdClient> | undefined;
const openid = (): Promise<OpenIdClient> => (library ??= import('openid-client'));

interface Claims {
  sub: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
}

/**
 * The school's sign-in: OpenID Connect's authorization code flow with PKCE (openid-client). `state`, `nonce`
 * and the code verifier are kept server-side in `oidc_login`; the browser carries only `state`. Accounts are
 * found by the provider's (issuer, subject), else linked by a verified email, else made (a student, like a
 * self-registration); a sign-in started from an invitation links the invited account and spends the invitation.
 * The callback hands the dashboard a one-time code (in the URL fragment, never sent to a server) that it trades
 * for the usual token pair.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('Oidc');
  private discovered?: Promise<Configuration>;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationsService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  get enabled(): boolean {
    return this.config.OIDC_ISSUER !== undefined && this.config.OIDC_CLIENT_ID !== undefined;
  }

  /** The provider's authorization URL for a new sign-in (optionally through an invitation). */
  async start(origin: string, invitationToken?: string): Promise<string> {
    if (!this.enabled) throw oidcNotConfigured();
    const client = await openid();
    const configuration = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const invitationHash = invitationToken && TOKEN.test(invitationToken) ? sha256(invitationToken) : null;
    await this.dataSource.query(
      'INSERT INTO oidc_login (state_hash, nonce, code_verifier, invitation_token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [sha256(state), nonce, codeVerifier, invitationHash, new Date(Date.now() + LOGIN_TTL_MS)],
    );
    // Old attempts are of no use to anyone: each start sweeps them.
    await this.dataSource.query("DELETE FROM oidc_login WHERE expires_at < now() - interval '1 hour'");
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: `${origin}${CALLBACK_PATH}`,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    }).href;
  }

  /**
   * The provider's redirect back. Answers the dashboard address to send the browser to: the hand-off code on
   * success, the error code otherwise. `state` is spent whatever happens, so a replayed callback fails.
   */
  async callback(origin: string, currentUrl: URL): Promise<string> {
    try {
      const code = await this.complete(origin, currentUrl);
      return `${origin}/oidc/complete#code=${code}`;
    } catch (e) {
      const errorCode = e instanceof DomainError ? e.code : ErrorCode.OidcSignInFailed;
      if (!(e instanceof DomainError)) this.logger.warn(`school sign-in refused: ${e instanceof Error ? e.message : String(e)}`);
      return `${origin}/sign-in?oidcError=${errorCode}`;
    }
  }

  /** The dashboard's hand-off code for the token pair; single use, two minutes. */
  async exchange(code: string): Promise<OidcExchangeResponse> {
    if (!TOKEN.test(code)) throw oidcSignInFailed();
    const outcome = await this.dataSource.transaction(async (manager) => {
      // TypeORM answers an UPDATE with [rows, affected].
      const [rows]: [Array<{ id: string; user_id: string; program_id: string | null }>, number] = await manager.query(
        `UPDATE oidc_login SET consumed_at = now()
          WHERE handoff_hash = $1 AND consumed_at IS NULL AND completed_at > $2 AND user_id IS NOT NULL
          RETURNING id, user_id, program_id`,
        [sha256(code), new Date(Date.now() - HANDOFF_TTL_MS)],
      );
      const row = rows[0];
      if (!row) return undefined;
      const user = await manager.findOne(UserEntity, { where: { id: row.user_id } });
      if (!user) return undefined;
      if (user.deactivatedAt) throw accountDeactivated();
      const pair = await this.tokens.issue(user.id, user.role, manager);
      return { user: toUserResponse(user), ...pair, programId: row.program_id };
    });
    if (!outcome) throw oidcSignInFailed();
    return outcome;
  }

  private async complete(origin: string, currentUrl: URL): Promise<string> {
    if (!this.enabled) throw oidcNotConfigured();
    const state = currentUrl.searchParams.get('state') ?? '';
    // Spend the state before talking to the provider: a second callback with it finds nothing.
    const [logins]: [Array<{ id: string; nonce: string; code_verifier: string; invitation_token_hash: string | null }>, number] = await this.dataSource.query(
      `UPDATE oidc_login SET completed_at = now() WHERE state_hash = $1 AND completed_at IS NULL AND expires_at > now()
       RETURNING id, nonce, code_verifier, invitation_token_hash`,
      [sha256(state)],
    );
    const login = logins[0];
    if (!login) throw oidcSignInFailed();
    const client = await openid();
    const configuration = await this.configuration();
    // The URL the provider redirected to, as registered: behind a proxy the request's own may differ.
    const callbackUrl = new URL(`${origin}${CALLBACK_PATH}${currentUrl.search}`);
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: login.code_verifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw oidcSignInFailed();
    const claims = await this.claimsOf(client, configuration, tokens.access_token, idClaims);
    const issuer = configuration.serverMetadata().issuer;
    const handoff = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (manager) => {
      const { user, programId } = await this.accountFor(manager, issuer, claims, login.invitation_token_hash);
      await manager.query('UPDATE oidc_login SET user_id = $2, program_id = $3, handoff_hash = $4 WHERE id = $1', [login.id, user.id, programId, sha256(handoff)]);
      await this.audit.record({ actorId: user.id, action: 'auth.oidc_sign_in', programId, subjectUserId: user.id }, manager);
    });
    return handoff;
  }

  /** The ID token's claims, completed from the userinfo endpoint when the token leaves email out. */
  private async claimsOf(client: OpenIdClient, configuration: Configuration, accessToken: string, id: Record<string, unknown>): Promise<Claims> {
    let source: Record<string, unknown> = id;
    if (typeof id['email'] !== 'string' && configuration.serverMetadata().userinfo_endpoint) {
      source = { ...(await client.fetchUserInfo(configuration, accessToken, String(id['sub']))), ...id };
    }
    return {
      sub: String(id['sub']),
      email: typeof source['email'] === 'string' ? source['email'].trim().toLowerCase() : undefined,
      emailVerified: source['email_verified'] === true || source['email_verified'] === 'true',
      name: typeof source['name'] === 'string' && source['name'].trim().length > 0 ? source['name'].trim().slice(0, 200) : undefined,
    };
  }

  private async accountFor(manager: EntityManager, issuer: string, claims: Claims, invitationHash: string | null): Promise<{ user: UserEntity; programId: string | null }> {
    const linked: Array<{ user_id: string }> = await manager.query('SELECT user_id FROM user_identity WHERE issuer = $1 AND subject = $2', [issuer, claims.sub]);
    const invited = invitationHash ? await this.invitations.consume(manager, invitationHash) : undefined;
    const linkedId = linked[0]?.user_id;
    if (linkedId) {
      // Someone already signed in with this school account: the invitation must be theirs to be spent by it.
      if (invited && invited.user.id !== linkedId) throw oidcIdentityInUse();
      const user = await this.activeUser(manager, linkedId);
      return { user, programId: invited?.programId ?? null };
    }
    if (invited) {
      await this.link(manager, issuer, claims.sub, invited.user.id);
      return { user: invited.user, programId: invited.programId };
    }
    if (!claims.email || !claims.emailVerified) throw oidcEmailNotVerified();
    const existing = await manager.findOne(UserEntity, { where: { email: claims.email } });
    if (existing) {
      if (existing.deactivatedAt) throw accountDeactivated();
      await this.link(manager, issuer, claims.sub, existing.id);
      await this.invitations.settleFor(manager, existing.id);
      return { user: existing, programId: null };
    }
    // Anyone may register as a student; a school account with a verified address is at least as good.
    const user = await manager.save(
      manager.create(UserEntity, { email: claims.email, passwordHash: null, fullName: claims.name ?? claims.email, role: Role.Student, yearOfStudy: null }),
    );
    await this.link(manager, issuer, claims.sub, user.id);
    return { user, programId: null };
  }

  private async activeUser(manager: EntityManager, id: string): Promise<UserEntity> {
    const user = await manager.findOne(UserEntity, { where: { id } });
    if (!user) throw oidcSignInFailed();
    if (user.deactivatedAt) throw accountDeactivated();
    return user;
  }

  private async link(manager: EntityManager, issuer: string, subject: string, userId: string): Promise<void> {
    await manager.query('INSERT INTO user_identity (issuer, subject, user_id) VALUES ($1, $2, $3)', [issuer, subject, userId]);
  }

  private configuration(): Promise<Configuration> {
    this.discovered ??= (async () => {
      const client = await openid();
      const issuer = new URL(this.config.OIDC_ISSUER as string);
      const auth = this.config.OIDC_CLIENT_SECRET ? client.ClientSecretPost(this.config.OIDC_CLIENT_SECRET) : client.None();
      // Plain http only for a provider on this machine (development, tests); anywhere else it must be https.
      const local = issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
      return client.discovery(issuer, this.config.OIDC_CLIENT_ID as string, this.config.OIDC_CLIENT_SECRET, auth, local ? { execute: [client.allowInsecureRequests] } : undefined);
    })().catch((e: unknown) => {
      // A provider that was down is asked again next time.
      this.discovered = undefined;
      throw e;
    });
    return this.discovered;
  }
}
