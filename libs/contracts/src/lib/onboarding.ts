import type { EnrollmentRole } from './enums';
import type { AuthResponse } from './auth';

/** The columns of a roster file, in any order; `capacity` is for mentors (empty = 3). */
export const ROSTER_COLUMNS = ['email', 'full_name', 'year_of_study', 'role', 'capacity'] as const;

/** `POST /api/programs/:id/roster/import` (text/csv). `?dryRun=true` answers the same counts and stores nothing. */
export interface RosterImportResponse {
  /** Data rows in the file. */
  rows: number;
  /** New accounts (without a password, each with an invitation). */
  created: number;
  /** New enrolments in the program, of new and known people alike. */
  enrolled: number;
  /** Enrolments already there whose role, capacity or year of study changed. */
  updated: number;
  /** Rows that changed nothing. */
  unchanged: number;
  /** True when nothing was stored (a preview). */
  dryRun: boolean;
  /** The first rows and what each would do, for a preview (at most 500). */
  changes: RosterRowChange[];
}

export type RosterRowOutcome = 'created' | 'enrolled' | 'updated' | 'unchanged';

export interface RosterRowChange {
  line: number;
  email: string;
  outcome: RosterRowOutcome;
}

export const INVITATION_STATUSES = ['pending', 'accepted', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Days an invitation link stays valid. */
export const INVITATION_TTL_DAYS = 14;

/** `GET /api/programs/:id/invitations`. */
export interface InvitationResponse {
  id: string;
  email: string;
  fullName: string;
  role: EnrollmentRole | null;
  status: InvitationStatus;
  /** The secret link, only while pending. */
  url?: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  /** Last time the link was (re)sent; null when it was never mailed. */
  sentAt: string | null;
}

/** `GET /api/auth/invitations/:token`: what the invite page shows before the password is set. */
export interface InvitationPreviewResponse {
  email: string;
  fullName: string;
  programId: string | null;
  programName: string | null;
  role: EnrollmentRole | null;
}

export interface AcceptInvitationRequest {
  token: string;
  password: string;
}

/** `POST /api/auth/invitations/accept`: the contract's `{user, accessToken, refreshToken}` plus the program to land on. */
export interface AcceptInvitationResponse extends AuthResponse {
  programId: string | null;
}

export interface CreateJoinCodeRequest {
  role: EnrollmentRole;
}

/** `POST /api/programs/:id/join-codes` answers `{code, url}`; the list adds the rest. */
export interface JoinCodeResponse {
  code: string;
  url: string;
  role: EnrollmentRole;
  createdAt: string;
}

/** `GET /api/join-codes/:code`: what the join page shows before the student confirms. */
export interface JoinCodePreviewResponse {
  code: string;
  programId: string;
  programName: string;
  role: EnrollmentRole;
  alreadyEnrolled: boolean;
}

export interface JoinRequest {
  code: string;
}

export interface JoinResponse {
  programId: string;
  role: EnrollmentRole;
}

/** `PATCH /api/programs/:id`. */
export interface UpdateProgramRequest {
  name?: string;
  startsOn?: string;
  endsOn?: string;
  timezone?: string;
}

/** `GET /api/auth/oidc`: whether the school's sign-in is configured (the button is shown only then). */
export interface OidcStatusResponse {
  enabled: boolean;
}

/** `POST /api/auth/oidc/exchange`: the one-time code the callback handed to the dashboard. */
export interface OidcExchangeRequest {
  code: string;
}

export interface OidcExchangeResponse extends AuthResponse {
  /** The program of the invitation the sign-in accepted, if any. */
  programId: string | null;
}
