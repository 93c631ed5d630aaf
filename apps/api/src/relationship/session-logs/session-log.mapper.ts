import type { PairSessionLogRow, ProgramSessionLogRow, SessionLogForPair, SessionLogSummary, SessionTopic } from '@pm/contracts';

/**
 * The two shapes of a log. Coordinators get `SessionLogSummary`-based shapes built from rows that never carry
 * a note: their queries do not select it, and these functions copy named fields only, so a note cannot leak
 * by a spread or a forgotten `delete`.
 */
export interface LogSummaryRow {
  topics: SessionTopic[];
  minutes: number;
}

export interface LogPairRow extends LogSummaryRow {
  note: string | null;
  goal_id: string | null;
  updated_at: Date;
}

export const toLogSummary = (r: LogSummaryRow): SessionLogSummary => ({ topics: r.topics, minutes: r.minutes });

export const toLogForPair = (r: LogPairRow): SessionLogForPair => ({ topics: r.topics, minutes: r.minutes, note: r.note, goalId: r.goal_id, loggedAt: r.updated_at.toISOString() });

export interface ProgramLogRow extends LogSummaryRow {
  session_id: string;
  mentorship_id: string;
  mentor_id: string;
  mentor_name: string;
  mentee_name: string;
  starts_at: Date;
}

export const toProgramLogRow = (r: ProgramLogRow): ProgramSessionLogRow => ({
  sessionId: r.session_id,
  mentorshipId: r.mentorship_id,
  mentorId: r.mentor_id,
  mentorName: r.mentor_name,
  menteeName: r.mentee_name,
  startsAt: r.starts_at.toISOString(),
  topics: r.topics,
  minutes: r.minutes,
});

export interface PairLogRow extends LogPairRow {
  session_id: string;
  starts_at: Date;
}

export const toPairLogRow = (r: PairLogRow): PairSessionLogRow => ({ sessionId: r.session_id, startsAt: r.starts_at.toISOString(), ...toLogForPair(r) });

/** Columns a coordinator's query may select: no note. */
export const SUMMARY_COLUMNS = 'l.topics, l.minutes';
export const PAIR_COLUMNS = 'l.topics, l.minutes, l.note, l.goal_id, l.updated_at';
