import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ProgramResponse } from '@pm/contracts';
import { AuditService } from '@api/audit/audit.service';
import type { Actor } from '@api/common/access.decorators';
import type { CloseProgramDto, UpdateProgramDto } from './dto/program-settings.dto';
import { ProgramAccess } from './program-access.service';
import { closeConfirmationMismatch, invalidDateRange, programIsClosed, programNotFound } from './programs.errors';
import { ProgramsService } from './programs.service';

interface SettingsRow {
  name: string;
  timezone: string;
  starts_on: string;
  ends_on: string;
  closed_at: Date | null;
}

const FIELDS = [
  ['name', 'name'],
  ['timezone', 'timezone'],
  ['startsOn', 'starts_on'],
  ['endsOn', 'ends_on'],
] as const;

/**
 * A program's settings: name, dates and time zone, and closing it. Every change is written to the audit log
 * with the values before and after, because moving `startsOn` changes which grades count as before and after
 * mentoring: an outcome read later must be traceable to the dates it was computed with.
 */
@Injectable()
export class ProgramSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
    private readonly programs: ProgramsService,
    private readonly audit: AuditService,
  ) {}

  /** Coordinators of an open program. The dates must stay ordered once the change is applied. */
  async update(actor: Actor, programId: string, dto: UpdateProgramDto): Promise<ProgramResponse> {
    await this.access.requireCoordinator(actor, programId);
    await this.dataSource.transaction(async (manager) => {
      const rows: SettingsRow[] = await manager.query('SELECT name, timezone, starts_on, ends_on, closed_at FROM program WHERE id = $1 FOR UPDATE', [programId]);
      const current = rows[0];
      if (!current) throw programNotFound();
      if (current.closed_at) throw programIsClosed();
      const next = { name: dto.name ?? current.name, timezone: dto.timezone ?? current.timezone, starts_on: dto.startsOn ?? current.starts_on, ends_on: dto.endsOn ?? current.ends_on };
      if (next.ends_on < next.starts_on) throw invalidDateRange();
      const changed = FIELDS.filter(([, column]) => next[column] !== current[column]);
      if (changed.length === 0) return;
      await manager.query('UPDATE program SET name = $2, timezone = $3, starts_on = $4, ends_on = $5 WHERE id = $1', [programId, next.name, next.timezone, next.starts_on, next.ends_on]);
      const details: Record<string, string> = {};
      for (const [field, column] of changed) {
        details[`${field}Before`] = current[column];
        details[`${field}After`] = next[column];
      }
      await this.audit.record({ actorId: actor.id, action: 'program.update', programId, details }, manager);
    });
    return this.programs.get(actor, programId);
  }

  /** Coordinators of the program: read-only from now on. Closing a closed program changes nothing. */
  async close(actor: Actor, programId: string, dto: CloseProgramDto): Promise<ProgramResponse> {
    await this.access.requireCoordinator(actor, programId);
    await this.dataSource.transaction(async (manager) => {
      const rows: SettingsRow[] = await manager.query('SELECT name, closed_at FROM program WHERE id = $1 FOR UPDATE', [programId]);
      const current = rows[0];
      if (!current) throw programNotFound();
      if (current.closed_at) return;
      if (dto.confirmName.trim() !== current.name) throw closeConfirmationMismatch();
      await manager.query('UPDATE program SET closed_at = now() WHERE id = $1', [programId]);
      // Nobody joins a closed program: its codes end with it.
      await manager.query('UPDATE join_code SET revoked_at = now() WHERE program_id = $1 AND revoked_at IS NULL', [programId]);
      await this.audit.record({ actorId: actor.id, action: 'program.close', programId }, manager);
    });
    return this.programs.get(actor, programId);
  }
}
