import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  programId?: string | null;
  subjectUserId?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntity) private readonly log: Repository<AuditLogEntity>) {}

  /** Pass the transaction's manager when the audited change and its record must commit together. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const row = { actorId: entry.actorId, action: entry.action, programId: entry.programId ?? null, subjectUserId: entry.subjectUserId ?? null, details: entry.details ?? {} };
    await (manager ? manager.insert(AuditLogEntity, row) : this.log.insert(row));
  }
}
