import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { AuditService } from '@api/audit/audit.service';
import type { Actor } from '@api/common/access.decorators';
import { AppSettingsService } from '@api/database/app-settings.service';
import { ProgramAccess } from '@api/programs/program-access.service';
import { csvLine } from './csv-writer';
import { OutcomesData, type StudentRow } from './outcomes-data.service';

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Coordinators of the program: one row per student with both a pre and a post value, for research. Students
 * appear under a pseudonym (a keyed hash of their email, stable across exports, meaningless without the
 * key kept in the database); no email, name or single grade leaves. Every export is audited.
 */
@Injectable()
export class ResearchExportService {
  constructor(
    private readonly access: ProgramAccess,
    private readonly data: OutcomesData,
    private readonly audit: AuditService,
    private readonly settings: AppSettingsService,
  ) {}

  async exportDeidentified(actor: Actor, programId: string): Promise<string> {
    await this.access.requireCoordinator(actor, programId);
    const startsOn = await this.data.programStart(programId);
    const key = await this.settings.getOrCreate('pseudonym_key', () => randomBytes(32).toString('hex'));
    const rows = (await this.data.perStudent(programId, startsOn)).filter((r): r is StudentRow & { pre: number; post: number } => r.pre !== null && r.post !== null);
    const mentored = await this.data.mentoredEmails(programId);
    const modality = await this.data.modalityByMentee(programId);
    const attended = await this.data.attendedByMentee(programId);
    const pseudonym = (email: string): string => createHmac('sha256', key).update(`${programId}:${email}`).digest('hex').slice(0, 16);
    const lines = [csvLine(['pseudonym', 'group', 'modality', 'pre', 'post', 'change', 'sessions_attended', 'survey_mean'])];
    const sorted = rows.map((r) => ({ ...r, id: pseudonym(r.email) })).sort((a, b) => a.id.localeCompare(b.id));
    for (const r of sorted) {
      const isMentored = mentored.has(r.email);
      lines.push(csvLine([r.id, isMentored ? 'mentored' : 'comparison', isMentored ? (modality.get(r.email) ?? '') : '', round(r.pre), round(r.post), round(r.post - r.pre), isMentored ? (attended.get(r.email) ?? 0) : null, null]));
    }
    await this.audit.record({ actorId: actor.id, action: 'records.export', programId, details: { rows: sorted.length, kind: 'deidentified' } });
    return `${lines.join('\r\n')}\r\n`;
  }
}
