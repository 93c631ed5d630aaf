import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEFAULT_MENTOR_CAPACITY, EnrollmentRole, Role, type JoinCodePreviewResponse, type JoinCodeResponse, type JoinResponse } from '@pm/contracts';
import { AuditService } from '@api/audit/audit.service';
import { forbidden } from '@api/auth/auth.errors';
import { isUniqueViolation } from '@api/auth/auth.service';
import type { Actor } from '@api/common/access.decorators';
import { ProgramAccess } from '@api/programs/program-access.service';
import { alreadyEnrolled } from '@api/programs/programs.errors';
import { joinCodeNotFound } from './invitations.errors';

// No 0/O, 1/I/L: a code read off a lecture-hall screen is typed without ambiguity. 31^8 ≈ 8.5 · 10^11.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

/** Upper-cased, spaces and dashes dropped: `abcd-efgh` is `ABCDEFGH`. Undefined when it cannot be a code. */
export function normalizeJoinCode(raw: string): string | undefined {
  const code = raw.toUpperCase().replace(/[\s-]/g, '');
  return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined;
}

const newCode = (): string => Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

export const joinUrl = (origin: string, code: string): string => `${origin}/join?code=${code}`;

interface CodeRow {
  code: string;
  program_id: string;
  role: EnrollmentRole;
  created_at: Date;
}

@Injectable()
export class JoinCodesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
    private readonly audit: AuditService,
  ) {}

  /** Coordinators of an open program: a new code for one role. */
  async create(actor: Actor, programId: string, role: EnrollmentRole, origin: string): Promise<JoinCodeResponse> {
    await this.access.requireCoordinator(actor, programId);
    await this.access.requireOpen(programId);
    for (let attempt = 0; ; attempt++) {
      try {
        const rows: CodeRow[] = await this.dataSource.query(
          'INSERT INTO join_code (code, program_id, role, created_by_id) VALUES ($1, $2, $3, $4) RETURNING code, program_id, role, created_at',
          [newCode(), programId, role, actor.id],
        );
        await this.audit.record({ actorId: actor.id, action: 'join_code.create', programId, details: { role } });
        return this.toResponse(rows[0] as CodeRow, origin);
      } catch (e) {
        // A collision in 8.5 · 10^11 codes: draw again.
        if (!isUniqueViolation(e) || attempt >= 3) throw e;
      }
    }
  }

  /** Coordinators of the program: the codes in use (revoked ones are gone). */
  async list(actor: Actor, programId: string, origin: string): Promise<JoinCodeResponse[]> {
    await this.access.requireCoordinator(actor, programId);
    const rows: CodeRow[] = await this.dataSource.query(
      'SELECT code, program_id, role, created_at FROM join_code WHERE program_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC, code',
      [programId],
    );
    return rows.map((r) => this.toResponse(r, origin));
  }

  /** Coordinators of the program: the code answers 404 from now on. */
  async revoke(actor: Actor, programId: string, rawCode: string): Promise<void> {
    await this.access.requireCoordinator(actor, programId);
    const code = normalizeJoinCode(rawCode);
    if (!code) throw joinCodeNotFound();
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      'UPDATE join_code SET revoked_at = now() WHERE code = $1 AND program_id = $2 AND revoked_at IS NULL RETURNING code',
      [code, programId],
    );
    if (affected === 0) throw joinCodeNotFound();
    await this.audit.record({ actorId: actor.id, action: 'join_code.revoke', programId });
  }

  /** Signed in: what the code leads to, so the join page can ask for confirmation. */
  async preview(actor: Actor, rawCode: string): Promise<JoinCodePreviewResponse> {
    const found = await this.find(rawCode);
    const enrolled: unknown[] = await this.dataSource.query('SELECT 1 FROM enrollment WHERE program_id = $1 AND user_id = $2', [found.program_id, actor.id]);
    return { code: found.code, programId: found.program_id, programName: found.program_name, role: found.role, alreadyEnrolled: enrolled.length > 0 };
  }

  /** Students: enrolment through a code (a mentor with the default capacity). 409 when already enrolled. */
  async join(actor: Actor, rawCode: string): Promise<JoinResponse> {
    if (actor.role !== Role.Student) throw forbidden('Only students join programs');
    const found = await this.find(rawCode);
    await this.access.requireOpen(found.program_id);
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO enrollment (program_id, user_id, role, capacity) VALUES ($1, $2, $3, $4)', [
          found.program_id,
          actor.id,
          found.role,
          found.role === EnrollmentRole.Mentor ? DEFAULT_MENTOR_CAPACITY : null,
        ]);
        await this.audit.record({ actorId: actor.id, action: 'join_code.join', programId: found.program_id, subjectUserId: actor.id, details: { role: found.role } }, manager);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'enrollment_program_user_key')) throw alreadyEnrolled();
      throw e;
    }
    return { programId: found.program_id, role: found.role };
  }

  private async find(rawCode: string): Promise<CodeRow & { program_name: string }> {
    const code = normalizeJoinCode(rawCode);
    if (!code) throw joinCodeNotFound();
    const rows: Array<CodeRow & { program_name: string }> = await this.dataSource.query(
      `SELECT j.code, j.program_id, j.role, j.created_at, p.name AS program_name
         FROM join_code j JOIN program p ON p.id = j.program_id WHERE j.code = $1 AND j.revoked_at IS NULL`,
      [code],
    );
    const row = rows[0];
    if (!row) throw joinCodeNotFound();
    return row;
  }

  private toResponse(r: CodeRow, origin: string): JoinCodeResponse {
    return { code: r.code, url: joinUrl(origin, r.code), role: r.role, createdAt: r.created_at.toISOString() };
  }
}
