import { Modality } from '@pm/contracts';
import { demoMentees, demoMentors } from './demo-data';

describe('demo data', () => {
  it('has 10 mentors in years 3-6 and 30 mentees in years 1-2', () => {
    const mentors = demoMentors();
    const mentees = demoMentees();
    expect(mentors).toHaveLength(10);
    expect(mentees).toHaveLength(30);
    expect(mentors.every((m) => m.yearOfStudy >= 3 && m.yearOfStudy <= 6)).toBe(true);
    expect(mentees.every((m) => m.yearOfStudy <= 2)).toBe(true);
  });

  it('varies interests, languages and modalities', () => {
    const people = [...demoMentors(), ...demoMentees()];
    expect(new Set(people.flatMap((p) => p.interests)).size).toBeGreaterThan(5);
    expect(new Set(people.flatMap((p) => p.languages)).size).toBeGreaterThan(3);
    expect(people.some((p) => p.modalities.length === 1 && p.modalities[0] === Modality.Virtual)).toBe(true);
    expect(people.some((p) => p.modalities.length === 1 && p.modalities[0] === Modality.InPerson)).toBe(true);
    expect(new Set(people.map((p) => p.email)).size).toBe(40);
  });

  it('is the same on every run', () => {
    expect(demoMentees()).toEqual(demoMentees());
  });
});
