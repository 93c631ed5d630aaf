import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PairSessionLogRow, ProgramSessionLogRow, SessionLogForPair, SessionLogSummary } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { isUuid } from '@api/common/uuid';
import { csvLine } from '@api/outcomes/csv-writer';
import { ProgramAccess } from '@api/programs/program-access.service';
import { sessionCancelled, sessionNotFound } from '@api/sessions/sessions.errors';
import { AgreementsService } from '../agreements/agreements.service';
import { PairAccess } from '../pair-access';
import { logTooEarly, onlyTheMentor, unknownGoal } from '../relationship.errors';
import { SessionLogEntity } from './session-log.entity';
import {
  PAIR_COLUMNS,
  SUMMARY_COLUMNS,
  toLogForPair,
  toLogSummary,
  toPairLogRow,
  toProgramLogRow,
  type LogPairRow,
  type LogSummaryRow,
  type PairLogRow,
  type ProgramLogRow,
} from './session-log.mapper';
import type { SessionLogDto } from './session-logs.dto';

interface SessionAccessRow {
  id: string;
  program_id: string;
  mentorship_id: string;
  mentor_id: string;
  starts_at: Date;
  status: string;
  attendee: boolean;
  coordinator: boolean;
}

/** Who is looking at a session's log decides its shape. */
export type LogViewer = 'participant' | 'coordinator';

@Injectable()
export class SessionLogsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramAccess,
    private readonly pairs: PairAccess,
    private readonly agreements: AgreementsService,
  ) {}

  /**
   * The session's mentor writes (or rewrites) the log once the session has begun. A mentee of the session gets
   * 403, a coordinator 403, anyone else the 404 of a session that does not exist.
   */
  async put(actor: Actor, sessionId: string, dto: SessionLogDto): Promise<SessionLogForPair> {
    return this.dataSource.transaction(async (manager) => {
      const s = await this.sessionFor(manager, actor.id, sessionId);
      if (!s) throw sessionNotFound();
      if (s.mentor_id !== actor.id) {
        if (s.attendee || s.coordinator) throw onlyTheMentor();
        throw sessionNotFound();
      }
      if (s.status === 'cancelled') throw sessionCancelled();
      if (s.starts_at.getTime() > Date.now()) throw logTooEarly();
      const goalId = dto.goalId ?? null;
      if (goalId) {
        const goals = await this.agreements.goalIds(manager, s.mentorship_id);
        if (!goals.includes(goalId)) throw unknownGoal();
        if (dto.goalAchieved !== undefined) await this.agreements.markGoal(manager, { id: s.mentorship_id }, goalId, dto.goalAchieved, unknownGoal);
      }
      const note = dto.note && dto.note.length > 0 ? dto.note : null;
      await manager
        .createQueryBuilder()
        .insert()
        .into(SessionLogEntity)
        .values({ sessionId: s.id, mentorshipId: s.mentorship_id, authorId: actor.id, topics: dto.topics, minutes: dto.minutes, note, goalId })
        .orUpdate(['topics', 'minutes', 'note', 'goal_id', 'author_id', 'updated_at'], ['session_id'])
        .execute();
      const rows: LogPairRow[] = await manager.query(`SELECT ${PAIR_COLUMNS} FROM session_log l WHERE l.session_id = $1`, [s.id]);
      return toLogForPair(rows[0] as LogPairRow);
    });
  }

  /** For `GET /api/sessions/:id`: the participants' shape, or the coordinators' one without a note. */
  async forSession(sessionId: string, viewer: 'participant'): Promise<SessionLogForPair | null>;
  async forSession(sessionId: string, viewer: 'coordinator'): Promise<SessionLogSummary | null>;
  async forSession(sessionId: string, viewer: LogViewer): Promise<SessionLogForPair | SessionLogSummary | null> {
    if (viewer === 'coordinator') {
      const rows: LogSummaryRow[] = await this.dataSource.query(`SELECT ${SUMMARY_COLUMNS} FROM session_log l WHERE l.session_id = $1`, [sessionId]);
      return rows[0] ? toLogSummary(rows[0]) : null;
    }
    const rows: LogPairRow[] = await this.dataSource.query(`SELECT ${PAIR_COLUMNS} FROM session_log l WHERE l.session_id = $1`, [sessionId]);
    return rows[0] ? toLogForPair(rows[0]) : null;
  }

  /** The pair's logs, newest first: with notes for the pair, without for coordinators. */
  async forPair(actor: Actor, mentorshipId: string): Promise<PairSessionLogRow[] | ProgramSessionLogRow[]> {
    const pair = await this.pairs.require(actor, mentorshipId, ['mentor', 'mentee', 'coordinator']);
    if (pair.relation === 'coordinator') return this.programLogs(pair.programId, pair.id);
    const rows: PairLogRow[] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.starts_at, ${PAIR_COLUMNS}
         FROM session_log l JOIN mentoring_session s ON s.id = l.session_id
        WHERE EXISTS (SELECT 1 FROM session_attendee a WHERE a.session_id = s.id AND a.mentorship_id = $1)
        ORDER BY s.starts_at DESC, s.id`,
      [pair.id],
    );
    return rows.map(toPairLogRow);
  }

  /** Coordinators: every log of the program, newest first, never a note. */
  async forProgram(actor: Actor, programId: string): Promise<ProgramSessionLogRow[]> {
    await this.programs.requireCoordinator(actor, programId);
    return this.programLogs(programId, null);
  }

  async exportCsv(actor: Actor, programId: string): Promise<string> {
    const rows = await this.forProgram(actor, programId);
    const lines = [csvLine(['session_id', 'starts_at', 'mentor', 'mentee', 'minutes', 'topics'])];
    for (const r of rows) lines.push(csvLine([r.sessionId, r.startsAt, r.mentorName, r.menteeName, r.minutes, r.topics.join(' ')]));
    return `${lines.join('\r\n')}\r\n`;
  }

  private async programLogs(programId: string, mentorshipId: string | null): Promise<ProgramSessionLogRow[]> {
    const rows: ProgramLogRow[] = await this.dataSource.query(
      `SELECT s.id AS session_id, l.mentorship_id, s.mentor_id, mo.full_name AS mentor_name, me.full_name AS mentee_name, s.starts_at, ${SUMMARY_COLUMNS}
         FROM session_log l
         JOIN mentoring_session s ON s.id = l.session_id
         JOIN mentorship m ON m.id = l.mentorship_id
         JOIN app_user mo ON mo.id = s.mentor_id
         JOIN app_user me ON me.id = m.mentee_id
        WHERE s.program_id = $1 AND ($2::uuid IS NULL OR l.mentorship_id = $2)
        ORDER BY s.starts_at DESC, s.id`,
      [programId, mentorshipId],
    );
    return rows.map(toProgramLogRow);
  }

  private async sessionFor(manager: EntityManager, userId: string, sessionId: string): Promise<SessionAccessRow | undefined> {
    if (!isUuid(sessionId)) return undefined;
    const rows: SessionAccessRow[] = await manager.query(
      `SELECT s.id, s.program_id, s.mentorship_id, s.mentor_id, s.starts_at, s.status,
              EXISTS (SELECT 1 FROM session_attendee a WHERE a.session_id = s.id AND a.user_id = $2 AND a.role = 'mentee') AS attendee,
              EXISTS (SELECT 1 FROM program_coordinator pc WHERE pc.program_id = s.program_id AND pc.user_id = $2) AS coordinator
         FROM mentoring_session s WHERE s.id = $1 FOR NO KEY UPDATE OF s`,
      [sessionId, userId],
    );
    return rows[0];
  }
}
