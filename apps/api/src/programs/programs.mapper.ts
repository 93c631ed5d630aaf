import type { CoordinatorResponse, EnrollmentResponse, ProgramRelation, ProgramResponse } from '@pm/contracts';

/** A row of the program listing query (see ProgramsService.PROGRAM_SELECT). */
export interface ProgramRow {
  id: string;
  name: string;
  timezone: string;
  starts_on: string;
  ends_on: string;
  created_at: Date;
  closed_at: Date | null;
  is_coordinator: boolean;
  enrolled_as: ProgramRelation | null;
  mentors: number;
  mentees: number;
  coordinators: number;
}

export const toProgramResponse = (r: ProgramRow): ProgramResponse => ({
  id: r.id,
  name: r.name,
  timezone: r.timezone,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  createdAt: r.created_at.toISOString(),
  closedAt: r.closed_at ? r.closed_at.toISOString() : null,
  myRelations: [...(r.is_coordinator ? (['coordinator'] as const) : []), ...(r.enrolled_as ? [r.enrolled_as] : [])],
  counts: { mentors: r.mentors, mentees: r.mentees, coordinators: r.coordinators },
});

export interface EnrollmentRow {
  id: string;
  program_id: string;
  user_id: string;
  role: EnrollmentResponse['role'];
  capacity: number | null;
  full_name: string;
  email: string;
  year_of_study: number | null;
  modalities: EnrollmentResponse['modalities'];
  active_mentorships: number;
  created_at: Date;
}

export const toEnrollmentResponse = (r: EnrollmentRow): EnrollmentResponse => ({
  id: r.id,
  programId: r.program_id,
  userId: r.user_id,
  role: r.role,
  capacity: r.capacity,
  fullName: r.full_name,
  email: r.email,
  yearOfStudy: r.year_of_study,
  modalities: r.modalities,
  activeMentorships: r.active_mentorships,
  createdAt: r.created_at.toISOString(),
});

export const toCoordinatorResponse = (r: { user_id: string; full_name: string; email: string }): CoordinatorResponse => ({
  userId: r.user_id,
  fullName: r.full_name,
  email: r.email,
});
