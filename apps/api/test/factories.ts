import { randomUUID } from 'node:crypto';
import { EnrollmentRole, Modality, Role, type ProgramResponse } from '@pm/contracts';
import { PasswordService } from '@api/auth/password.service';
import { TokenService } from '@api/auth/token.service';
import { EnrollmentEntity } from '@api/programs/enrollment.entity';
import { UserEntity } from '@api/users/user.entity';
import type { TestApp } from './test-app';

export const TEST_PASSWORD = 'correct-horse-battery';

export interface TestUser {
  user: UserEntity;
  token: string;
  refreshToken: string;
  auth: { Authorization: string };
}

const hashes = new WeakMap<TestApp, Promise<string>>();

/** Inserts a user directly (one argon2 hash per suite, not per user) and mints their tokens. */
export async function newUser(t: TestApp, overrides: Partial<UserEntity> = {}): Promise<TestUser> {
  if (!hashes.has(t)) hashes.set(t, t.app.get(PasswordService).hash(TEST_PASSWORD));
  const passwordHash = await (hashes.get(t) as Promise<string>);
  const repo = t.dataSource.getRepository(UserEntity);
  const user = await repo.save(
    repo.create({
      email: `user-${randomUUID()}@test.example`,
      fullName: 'Test User',
      role: Role.Student,
      yearOfStudy: 1,
      interests: [],
      languages: ['English'],
      modalities: [Modality.InPerson, Modality.Virtual],
      campus: null,
      ...overrides,
      passwordHash,
    }),
  );
  const pair = await t.app.get(TokenService).issue(user.id, user.role);
  return { user, token: pair.accessToken, refreshToken: pair.refreshToken, auth: { Authorization: `Bearer ${pair.accessToken}` } };
}

export const newStudent = (t: TestApp, o: Partial<UserEntity> = {}): Promise<TestUser> => newUser(t, { role: Role.Student, ...o });
export const newMentor = (t: TestApp, o: Partial<UserEntity> = {}): Promise<TestUser> => newUser(t, { role: Role.Student, yearOfStudy: 4, fullName: 'Mentor', ...o });
export const newMentee = (t: TestApp, o: Partial<UserEntity> = {}): Promise<TestUser> => newUser(t, { role: Role.Student, yearOfStudy: 1, fullName: 'Mentee', ...o });
export const newCoordinator = (t: TestApp, o: Partial<UserEntity> = {}): Promise<TestUser> =>
  newUser(t, { role: Role.Coordinator, yearOfStudy: null, fullName: 'Coordinator', ...o });
export const newAdmin = (t: TestApp, o: Partial<UserEntity> = {}): Promise<TestUser> => newUser(t, { role: Role.Admin, yearOfStudy: null, fullName: 'Admin', ...o });

/** Creates a program through the API, as its coordinator would. */
export async function newProgram(t: TestApp, coordinator: TestUser, overrides: Partial<Record<'name' | 'timezone' | 'startsOn' | 'endsOn', string>> = {}): Promise<ProgramResponse> {
  const res = await t
    .http()
    .post('/api/programs')
    .set(coordinator.auth)
    .send({ name: 'Test program', timezone: 'Europe/Berlin', startsOn: '2026-10-01', endsOn: '2027-06-30', ...overrides })
    .expect(201);
  return res.body as ProgramResponse;
}

export async function enrol(t: TestApp, programId: string, student: TestUser, role: EnrollmentRole, capacity: number | null = role === EnrollmentRole.Mentor ? 3 : null): Promise<EnrollmentEntity> {
  const repo = t.dataSource.getRepository(EnrollmentEntity);
  return repo.save(repo.create({ programId, userId: student.user.id, role, capacity }));
}

/** The i-th element of a list a test built itself; failing loudly beats a non-null assertion. */
export function nth<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`the test expected an element at index ${i} of ${list.length}`);
  return item;
}
