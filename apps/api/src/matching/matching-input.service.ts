import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Modality } from '@pm/contracts';
import type { MatchingInput, MatchingMentee, MatchingMentor } from '@pm/matching';
import { MAY_BE_MATCHED_SQL } from '@api/allocations/allocation-guard';

export interface LoadedInput {
  input: MatchingInput;
  /** Everyone enrolled, for names in responses (including mentees already matched). */
  names: Map<string, string>;
  /**
   * Every mentor enrolled, with their full capacity, including those with no place left (who are not in
   * `input`): why a mentee stayed unmatched is judged against them, so it does not depend on what earlier
   * commits took. Not part of the fingerprint: `input` already determines what a commit would do.
   */
  allMentors: MatchingMentor[];
  fingerprint: string;
}

interface PersonRow {
  id: string;
  full_name: string;
  year_of_study: number | null;
  interests: string[];
  languages: string[];
  modalities: Modality[];
  campus: string | null;
  role: 'mentor' | 'mentee';
  capacity: number | null;
  active: number;
  /** False for a mentee the program's lottery waitlisted (or who joined after it): only offered mentees are matched. */
  may_match: boolean;
}

/**
 * Reads what the engine sees for one program: unmatched mentees, mentors with the capacity they have left,
 * exclusions and rankings. Everything is sorted by id, so the same data always gives the same input, and so
 * the same fingerprint; a commit compares fingerprints to refuse a preview computed from older data.
 */
@Injectable()
export class MatchingInputService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(programId: string, manager: EntityManager = this.dataSource.manager): Promise<LoadedInput> {
    const people: PersonRow[] = await manager.query(
      `SELECT u.id, u.full_name, u.year_of_study, u.interests, u.languages, u.modalities, u.campus, e.role::text AS role, e.capacity,
              (SELECT count(*)::int FROM mentorship m WHERE m.program_id = e.program_id AND m.status = 'active'
                 AND (m.mentor_id = u.id OR m.mentee_id = u.id)) AS active,
              ${MAY_BE_MATCHED_SQL} AS may_match
         FROM enrollment e JOIN app_user u ON u.id = e.user_id
        WHERE e.program_id = $1
        ORDER BY u.id`,
      [programId],
    );
    const exclusions: Array<{ mentee_id: string; mentor_id: string }> = await manager.query(
      'SELECT mentee_id, mentor_id FROM match_exclusion WHERE program_id = $1 ORDER BY mentee_id, mentor_id',
      [programId],
    );
    const preferences: Array<{ user_id: string; ranked_user_ids: string[] }> = await manager.query(
      'SELECT user_id, ranked_user_ids FROM match_preference WHERE program_id = $1 ORDER BY user_id',
      [programId],
    );

    const profile = (p: PersonRow): MatchingMentee => ({
      id: p.id,
      yearOfStudy: p.year_of_study ?? 0,
      interests: p.interests,
      languages: p.languages,
      modalities: p.modalities,
      campus: p.campus,
    });
    const mentees: MatchingMentee[] = people.filter((p) => p.role === 'mentee' && p.active === 0 && p.may_match).map(profile);
    const mentors: MatchingMentor[] = people
      .filter((p) => p.role === 'mentor' && (p.capacity ?? 0) - p.active > 0)
      .map((p) => ({ ...profile(p), capacity: (p.capacity ?? 0) - p.active }));
    const roleOf = new Map(people.map((p) => [p.id, p.role]));
    const menteeRankings: Record<string, string[]> = {};
    const mentorRankings: Record<string, string[]> = {};
    for (const pref of preferences) {
      const role = roleOf.get(pref.user_id);
      if (role === 'mentee') menteeRankings[pref.user_id] = pref.ranked_user_ids;
      else if (role === 'mentor') mentorRankings[pref.user_id] = pref.ranked_user_ids;
    }
    const input: MatchingInput = {
      mentees,
      mentors,
      exclusions: exclusions.map((x) => ({ menteeId: x.mentee_id, mentorId: x.mentor_id })),
      menteeRankings,
      mentorRankings,
    };
    return {
      input,
      names: new Map(people.map((p) => [p.id, p.full_name])),
      allMentors: people.filter((p) => p.role === 'mentor').map((p) => ({ ...profile(p), capacity: p.capacity ?? 0 })),
      fingerprint: createHash('sha256').update(JSON.stringify(input)).digest('hex'),
    };
  }
}
