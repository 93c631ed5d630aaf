import { useMemo } from 'react';
import { EnrollmentRole, type EnrollmentResponse } from '@pm/contracts';
import { useEnrollments } from '@web/features/programs/hooks/use-enrollments';

export interface ProgramPeople {
  mentees: EnrollmentResponse[];
  mentors: EnrollmentResponse[];
  /** A person's name by user id; the id itself for someone no longer enrolled, so a row never goes blank. */
  nameOf: (userId: string) => string;
}

/** The program's enrolment split by side, for the pickers and for naming people in lists that carry only ids. */
export function useProgramPeople(programId: string) {
  const enrollments = useEnrollments(programId);
  const people = useMemo<ProgramPeople | undefined>(() => {
    if (!enrollments.data) return undefined;
    const byName = (a: EnrollmentResponse, b: EnrollmentResponse): number => a.fullName.localeCompare(b.fullName);
    const names = new Map(enrollments.data.map((enrollment) => [enrollment.userId, enrollment.fullName]));
    return {
      mentees: enrollments.data.filter((enrollment) => enrollment.role === EnrollmentRole.Mentee).sort(byName),
      mentors: enrollments.data.filter((enrollment) => enrollment.role === EnrollmentRole.Mentor).sort(byName),
      nameOf: (userId) => names.get(userId) ?? userId,
    };
  }, [enrollments.data]);
  return { ...enrollments, people };
}
