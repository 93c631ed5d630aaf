/**
 * Enumerations shared by the API and the dashboard. They are `as const` objects rather than TS enums so
 * that the web bundle and the API agree on plain string values that also appear in the database.
 */
export const Role = {
  Student: 'student',
  Coordinator: 'coordinator',
  Admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

/** Roles an admin may give to a staff account created through `POST /api/users`. */
export const STAFF_ROLES = [Role.Coordinator, Role.Admin] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const Modality = {
  InPerson: 'in_person',
  Virtual: 'virtual',
} as const;
export type Modality = (typeof Modality)[keyof typeof Modality];
export const MODALITIES: readonly Modality[] = Object.values(Modality);

export const EnrollmentRole = {
  Mentor: 'mentor',
  Mentee: 'mentee',
} as const;
export type EnrollmentRole = (typeof EnrollmentRole)[keyof typeof EnrollmentRole];
export const ENROLLMENT_ROLES: readonly EnrollmentRole[] = Object.values(EnrollmentRole);

/** Default number of mentees a mentor takes when the coordinator does not say. */
export const DEFAULT_MENTOR_CAPACITY = 3;
export const MIN_PASSWORD_LENGTH = 10;
export const MIN_YEAR_OF_STUDY = 1;
export const MAX_YEAR_OF_STUDY = 7;
