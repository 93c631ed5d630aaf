import type { EnrollmentRole, Modality } from './enums';

export interface CreateProgramRequest {
  name: string;
  /** An IANA time zone such as "Asia/Tehran". */
  timezone: string;
  /** ISO date (YYYY-MM-DD): the day mentoring begins; outcomes split pre/post on it. */
  startsOn: string;
  /** ISO date (YYYY-MM-DD), on or after `startsOn`. */
  endsOn: string;
}

/** How the caller relates to a program; drives what the dashboard offers. */
export type ProgramRelation = 'coordinator' | EnrollmentRole;

export interface ProgramResponse {
  id: string;
  name: string;
  timezone: string;
  startsOn: string;
  endsOn: string;
  createdAt: string;
  /** When a coordinator closed the program (read-only from then on); null while open. */
  closedAt?: string | null;
  /** The caller's relations to the program (a student may only be one of mentor/mentee). */
  myRelations: ProgramRelation[];
  counts: { mentors: number; mentees: number; coordinators: number };
}

export interface AddCoordinatorRequest {
  userId: string;
}

export interface CoordinatorResponse {
  userId: string;
  fullName: string;
  email: string;
}

export interface CreateEnrollmentRequest {
  userId: string;
  role: EnrollmentRole;
  /** Mentors only: the most mentees they take (default 3). */
  capacity?: number;
}

export interface EnrollmentResponse {
  id: string;
  programId: string;
  userId: string;
  role: EnrollmentRole;
  capacity: number | null;
  fullName: string;
  email: string;
  yearOfStudy: number | null;
  /** How the student can meet (their profile): what a mentor list shows beside the load. */
  modalities: Modality[];
  /**
   * Active mentorships in this program: a mentor's current mentees (their load against `capacity`), 0 or 1
   * for a mentee (matched or not).
   */
  activeMentorships: number;
  createdAt: string;
}

/** `PATCH /api/programs/:id/enrollments/:enrollmentId`: a mentor's capacity, never below their current load. */
export interface UpdateEnrollmentRequest {
  capacity: number;
}
