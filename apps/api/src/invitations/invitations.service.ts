import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  INVITATION_TTL_DAYS,
  type AcceptInvitationResponse,
  type EnrollmentRole,
  type InvitationPreviewResponse,
  type InvitationResponse,
  type InvitationStatus,
} from '@pm/contracts';
import { AuditService } from '@api/audit/audit.service';
import { accountDeactivated } from '@api/auth/auth.errors';
import { PasswordService } from '@api/auth/password.service';
import { TokenService } from '@api/auth/token.service';
import type { Actor } from '@api/common/access.decorators';
import { isUuid } from '@api/common/uuid';
import { ProgramAccess } from '@api/programs/program-access.service';
import { toUserResponse } from '@api/users/users.mapper';
import { UserEntity } from '@api/users/user.entity';
import { InvitationNotifier } from './invitation-notifier';
import { inviteUrl, InvitationTokens } from './invitation-tokens';
import { invitationNotFound } from './invitations.errors';

const TTL_MS = INVITATION_TTL_DAYS * 86_400_000;

export interface NewInvitation {
  userId: string;
  programId: string | null;
  role: EnrollmentRole | null;
}

interface InvitationRow {
  id: string;
  email: string;
  full_name: string;
  role: EnrollmentRole | null;
  generation: number;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  sent_at: Date | null;
}

const statusOf = (r: { accepted_at: Date | null; expires_at: Date }, now = Date.now()): InvitationStatus =>
  r.accepted_at ? 'accepted' : r.expires_at.getTime() <= now ? 'expired' : 'pending';

/** SQL for the same rule, over an `invitation i`. */
const STATUS_SQL = `CASE WHEN i.accepted_at IS NOT NULL THEN 'accepted' WHEN i.expires_at <= now() THEN 'expired' ELSE 'pending' END`;

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
    private readonly tokens: InvitationTokens,
    private readonly passwords: PasswordService,
    private readonly authTokens: TokenService,
    private readonly audit: AuditService,
    private readonly notifier: InvitationNotifier,
  ) {}

  /**
   * Inside the caller's transaction (a roster import): one invitation per entry, in one statement, each
   * announced to its person. Returns how many were made.
   */
  async createMany(manager: EntityManager, entries: readonly NewInvitation[], createdById: string, origin: string): Promise<number> {
    if (entries.length === 0) return 0;
    const ids = entries.map(() => randomUUID());
    const hashes = await Promise.all(ids.map(async (id) => this.hashFor(id, 0)));
    const expiresAt = new Date(Date.now() + TTL_MS);
    await manager.query(
      `INSERT INTO invitation (id, user_id, program_id, role, token_hash, generation, created_by_id, expires_at)
       SELECT id, user_id, program_id, role::enrollment_role, token_hash, 0, $6, $7
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::char(64)[]) AS v(id, user_id, program_id, role, token_hash)`,
      [ids, entries.map((e) => e.userId), entries.map((e) => e.programId), entries.map((e) => e.role), hashes, createdById, expiresAt],
    );
    await this.notifier.announce(manager, ids, origin);
    return entries.length;
  }

  /** Coordinators of the program: every invitation into it, with the link while it is pending. */
  async list(actor: Actor, programId: string, origin: string, status?: InvitationStatus): Promise<InvitationResponse[]> {
    await this.access.requireCoordinator(actor, programId);
    const rows: InvitationRow[] = await this.dataSource.query(
      `SELECT i.id, u.email, u.full_name, i.role, i.generation, i.created_at, i.expires_at, i.accepted_at, i.sent_at
         FROM invitation i JOIN app_user u ON u.id = i.user_id
        WHERE i.program_id = $1 AND ($2::text IS NULL OR ${STATUS_SQL} = $2)
        ORDER BY u.email, i.created_at`,
      [programId, status ?? null],
    );
    return Promise.all(rows.map((r) => this.toResponse(r, origin)));
  }

  /**
   * Coordinators of the program: a fresh link for an invitation that is not accepted (pending or expired),
   * valid 14 days from now, mailed again. The old link stops working.
   */
  async resend(actor: Actor, programId: string, invitationId: string, origin: string): Promise<InvitationResponse> {
    await this.access.requireCoordinator(actor, programId);
    await this.access.requireOpen(programId);
    if (!isUuid(invitationId)) throw invitationNotFound();
    return this.dataSource.transaction(async (manager) => {
      const found: Array<{ id: string; generation: number; user_id: string }> = await manager.query(
        'SELECT id, generation, user_id FROM invitation WHERE id = $1 AND program_id = $2 AND accepted_at IS NULL FOR UPDATE',
        [invitationId, programId],
      );
      const row = found[0];
      if (!row) throw invitationNotFound();
      const generation = row.generation + 1;
      await manager.query('UPDATE invitation SET generation = $2, token_hash = $3, expires_at = $4 WHERE id = $1', [
        row.id,
        generation,
        await this.hashFor(row.id, generation),
        new Date(Date.now() + TTL_MS),
      ]);
      await this.notifier.announce(manager, [row.id], origin);
      await this.audit.record({ actorId: actor.id, action: 'invitation.resend', programId, subjectUserId: row.user_id }, manager);
      const rows: InvitationRow[] = await manager.query(
        `SELECT i.id, u.email, u.full_name, i.role, i.generation, i.created_at, i.expires_at, i.accepted_at, i.sent_at
           FROM invitation i JOIN app_user u ON u.id = i.user_id WHERE i.id = $1`,
        [row.id],
      );
      return this.toResponse(rows[0] as InvitationRow, origin);
    });
  }

  /** Anyone holding a pending link: whose it is and which program it leads to, for the invite page. */
  async preview(token: string): Promise<InvitationPreviewResponse> {
    const hash = this.tokens.hashOf(token);
    if (!hash) throw invitationNotFound();
    const rows: Array<{ email: string; full_name: string; program_id: string | null; program_name: string | null; role: EnrollmentRole | null }> = await this.dataSource.query(
      `SELECT u.email, u.full_name, i.program_id, p.name AS program_name, i.role
         FROM invitation i JOIN app_user u ON u.id = i.user_id LEFT JOIN program p ON p.id = i.program_id
        WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > now()`,
      [hash],
    );
    const row = rows[0];
    if (!row) throw invitationNotFound();
    return { email: row.email, fullName: row.full_name, programId: row.program_id, programName: row.program_name, role: row.role };
  }

  /**
   * The holder of a pending link: sets the account's password and signs in. Single use: the row is locked and
   * marked accepted in the same transaction, so two tabs racing get one success and one 404.
   */
  async accept(token: string, password: string): Promise<AcceptInvitationResponse> {
    const hash = this.tokens.hashOf(token);
    if (!hash) throw invitationNotFound();
    const passwordHash = await this.passwords.hash(password);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const accepted = await this.consume(manager, hash);
      if (!accepted) return undefined;
      await manager.update(UserEntity, { id: accepted.user.id }, { passwordHash });
      await this.audit.record({ actorId: accepted.user.id, action: 'invitation.accept', programId: accepted.programId, subjectUserId: accepted.user.id }, manager);
      const pair = await this.authTokens.issue(accepted.user.id, accepted.user.role, manager);
      return { user: toUserResponse(accepted.user), ...pair, programId: accepted.programId };
    });
    if (!outcome) throw invitationNotFound();
    return outcome;
  }

  /**
   * Inside the caller's transaction: spends a pending invitation (and every other pending one of the same
   * person, who now has a way in) and returns its account; undefined when the link is not pending.
   */
  async consume(manager: EntityManager, tokenHash: string): Promise<{ user: UserEntity; programId: string | null } | undefined> {
    const rows: Array<{ id: string; user_id: string; program_id: string | null }> = await manager.query(
      'SELECT id, user_id, program_id FROM invitation WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > now() FOR UPDATE',
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return undefined;
    const user = await manager.findOne(UserEntity, { where: { id: row.user_id } });
    if (!user) return undefined;
    if (user.deactivatedAt) throw accountDeactivated();
    await manager.query('UPDATE invitation SET accepted_at = now() WHERE user_id = $1 AND accepted_at IS NULL', [user.id]);
    return { user, programId: row.program_id };
  }

  /** Inside the caller's transaction: the person got in another way (a school sign-in); their links are spent. */
  async settleFor(manager: EntityManager, userId: string): Promise<void> {
    await manager.query('UPDATE invitation SET accepted_at = now() WHERE user_id = $1 AND accepted_at IS NULL', [userId]);
  }

  private async hashFor(id: string, generation: number): Promise<string> {
    return this.tokens.hashOf(await this.tokens.tokenFor(id, generation)) as string;
  }

  private async toResponse(r: InvitationRow, origin: string): Promise<InvitationResponse> {
    const status = statusOf(r);
    return {
      id: r.id,
      email: r.email,
      fullName: r.full_name,
      role: r.role,
      status,
      ...(status === 'pending' ? { url: inviteUrl(origin, await this.tokens.tokenFor(r.id, r.generation)) } : {}),
      createdAt: r.created_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
      acceptedAt: r.accepted_at ? r.accepted_at.toISOString() : null,
      sentAt: r.sent_at ? r.sent_at.toISOString() : null,
    };
  }
}
