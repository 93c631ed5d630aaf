import type { SessionResponse } from './sessions';

/**
 * Running the relationship (CONTRACT.md, "Running the relationship"): the pair's agreement, the mentor's
 * session log, the mentee's monthly check-in, the confidential referral route and the coordinators' pair-health
 * board. Shapes that coordinators receive are separate types with no private field at all, so the API cannot
 * hand them a session note by forgetting to hide it.
 */

// ---- agreement ------------------------------------------------------------------------------------------

export const MAX_AGREEMENT_GOALS = 8;
export const MAX_GOAL_LENGTH = 300;
export const MIN_MEETINGS_PER_MONTH = 1;
export const MAX_MEETINGS_PER_MONTH = 12;
export const MAX_CONFIDENTIALITY_LENGTH = 4000;
/** A pair is expected to have signed its agreement this many days after its start. */
export const AGREEMENT_GRACE_DAYS = 14;

export interface LocalizedText {
  en: string;
  fa: string;
}

export interface AgreementGoal {
  id: string;
  text: string;
  /** Set when the pair marks the goal achieved (on the agreement page or in a session log). */
  achievedAt: string | null;
}

export interface AgreementResponse {
  /** The goals' texts, in order (the contract's shape). */
  goals: string[];
  meetingsPerMonth: number | null;
  signedByMentorAt: string | null;
  signedByMenteeAt: string | null;
  /** The same goals with their ids and whether they were achieved. */
  goalItems: AgreementGoal[];
  /** The confidentiality statement both sign, in both languages (the program's template when first saved). */
  confidentiality: LocalizedText;
  /** Raised by every change of the text; a signature is for one version. */
  version: number;
  updatedAt: string | null;
  /** Before the pair saves anything: the program's template, to start from. */
  template: AgreementTemplate | null;
}

export interface UpdateAgreementRequest {
  goals: string[];
  meetingsPerMonth: number;
}

export interface SignAgreementRequest {
  /** The version the signer read; a newer one answers 409 AGREEMENT_CHANGED. */
  version?: number;
}

export interface SetGoalAchievedRequest {
  achieved: boolean;
}

export interface AgreementTemplate {
  goals: { en: string[]; fa: string[] };
  meetingsPerMonth: number;
  confidentiality: LocalizedText;
}

// ---- session log ----------------------------------------------------------------------------------------

export const SessionTopic = {
  Exams: 'exams',
  StudySkills: 'study_skills',
  Wellbeing: 'wellbeing',
  Career: 'career',
  ClinicalSkills: 'clinical_skills',
  Research: 'research',
  Other: 'other',
} as const;
export type SessionTopic = (typeof SessionTopic)[keyof typeof SessionTopic];
export const SESSION_TOPICS: readonly SessionTopic[] = Object.values(SessionTopic);

export const MAX_LOG_MINUTES = 600;
export const MAX_LOG_NOTE_LENGTH = 2000;

export interface SessionLogRequest {
  topics: SessionTopic[];
  minutes: number;
  /** Private to the pair: coordinators never receive it. */
  note?: string | null;
  /** A goal of the pair's agreement worked on in the session. */
  goalId?: string | null;
  /** Marks that goal achieved. */
  goalAchieved?: boolean;
}

/** What coordinators see of a log: never the note. */
export interface SessionLogSummary {
  topics: SessionTopic[];
  minutes: number;
}

/** What the session's participants see. */
export interface SessionLogForPair extends SessionLogSummary {
  note: string | null;
  goalId: string | null;
  loggedAt: string;
}

/** `GET /api/sessions/:id` for one of its participants. */
export interface SessionWithLog extends SessionResponse {
  log: SessionLogForPair | null;
}

/** `GET /api/sessions/:id` for a coordinator of its program: no meeting link, a log without its note. */
export interface SessionForCoordinator extends Omit<SessionResponse, 'myRole' | 'meetingUrl'> {
  myRole: 'coordinator';
  meetingUrl: null;
  log: SessionLogSummary | null;
}

/** One row of the coordinators' list of logs (no note). */
export interface ProgramSessionLogRow extends SessionLogSummary {
  sessionId: string;
  mentorshipId: string;
  mentorId: string;
  mentorName: string;
  menteeName: string;
  startsAt: string;
}

/** One row of the pair's own list of logs. */
export interface PairSessionLogRow extends SessionLogForPair {
  sessionId: string;
  startsAt: string;
}

// ---- check-ins ------------------------------------------------------------------------------------------

export const MAX_CHECK_IN_COMMENT_LENGTH = 1000;
/** A check-in at or under this rating puts the pair at risk. */
export const LOW_CHECK_IN_RATING = 2;
/** The mentee is asked again this many days after their last answer. */
export const CHECK_IN_INTERVAL_DAYS = 30;

export interface CheckInRequest {
  rating: number;
  comment?: string | null;
}

export interface CheckInResponse {
  id: string;
  mentorshipId: string;
  rating: number;
  comment: string | null;
  createdAt: string;
}

/** A mentorship whose mentee has not answered in the last CHECK_IN_INTERVAL_DAYS days. */
export interface DueCheckIn {
  mentorshipId: string;
  programId: string;
  mentorName: string;
  lastAt: string | null;
}

// ---- referrals ------------------------------------------------------------------------------------------

export const ReferralUrgency = { Routine: 'routine', Soon: 'soon', Urgent: 'urgent' } as const;
export type ReferralUrgency = (typeof ReferralUrgency)[keyof typeof ReferralUrgency];
export const REFERRAL_URGENCIES: readonly ReferralUrgency[] = Object.values(ReferralUrgency);
export const MAX_REFERRAL_MESSAGE_LENGTH = 4000;
export const MAX_REFERRAL_NOTE_LENGTH = 2000;
/** A referral keeps the student's pair at risk this many days. */
export const REFERRAL_RISK_DAYS = 30;

export interface CreateReferralRequest {
  message: string;
  urgency?: ReferralUrgency | null;
}

export interface CloseReferralRequest {
  note: string;
}

/** The student's own view of what they sent. */
export interface MyReferral {
  id: string;
  programId: string;
  programName: string;
  message: string;
  urgency: ReferralUrgency;
  createdAt: string;
  closedAt: string | null;
}

/** What the program's coordinators see. */
export interface ReferralResponse {
  id: string;
  studentId: string;
  studentName: string;
  studentEmail: string;
  message: string;
  urgency: ReferralUrgency;
  createdAt: string;
  closedAt: string | null;
  closedByName: string | null;
  closeNote: string | null;
}

// ---- pair health ----------------------------------------------------------------------------------------

export const PairStatus = { AtRisk: 'at_risk', NeedsCheckIn: 'needs_check_in', OnTrack: 'on_track' } as const;
export type PairStatus = (typeof PairStatus)[keyof typeof PairStatus];
export const PAIR_STATUSES: readonly PairStatus[] = Object.values(PairStatus);

export const PairReason = {
  NoShows: 'NO_SHOWS',
  LowCheckIn: 'LOW_CHECK_IN',
  Referral: 'REFERRAL',
  NoRecentSession: 'NO_RECENT_SESSION',
  NoAgreement: 'NO_AGREEMENT',
} as const;
export type PairReason = (typeof PairReason)[keyof typeof PairReason];
export const PAIR_REASONS: readonly PairReason[] = Object.values(PairReason);
/** No-shows that put a pair at risk. */
export const AT_RISK_NO_SHOWS = 2;

export interface PairHealthRow {
  mentorshipId: string;
  menteeId: string;
  mentorId: string;
  status: PairStatus;
  /** Why: the reasons of the status (at_risk reasons for at_risk, needs_check_in ones otherwise). */
  reasons: Array<{ code: PairReason }>;
  lastSessionAt: string | null;
  nextSessionAt: string | null;
  sessionsHeld: number;
  noShows: number;
  menteeName: string;
  mentorName: string;
  menteeEmail: string;
  mentorEmail: string;
  /** The day the pair started (the start of every clock above). */
  startedAt: string;
}

// ---- mentor hours ---------------------------------------------------------------------------------------

export interface MentorHoursRow {
  mentorId: string;
  fullName: string;
  email: string;
  mentees: number;
  sessionsHeld: number;
  loggedMinutes: number;
  /** The program has ended and the mentor held at least one session: a certificate can be printed. */
  completed: boolean;
}
