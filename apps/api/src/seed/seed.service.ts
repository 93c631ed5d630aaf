import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EnrollmentRole, Role } from '@pm/contracts';
import { PasswordService } from '@api/auth/password.service';
import { AppConfig } from '@api/config/app-config';
import { EnrollmentEntity } from '@api/programs/enrollment.entity';
import { ProgramCoordinatorEntity } from '@api/programs/program-coordinator.entity';
import { ProgramEntity } from '@api/programs/program.entity';
import { UserEntity } from '@api/users/user.entity';
import { MentorshipEntity } from '@api/matching/mentorship.entity';
import { AcademicRecordEntity } from '@api/outcomes/academic-record.entity';
import { DEFAULT_SURVEY_ITEMS } from '@api/outcomes/survey-defaults';
import { SurveyAnswerEntity, SurveyItemEntity, SurveyResponseEntity } from '@api/outcomes/survey.entities';
import { seedRelationshipDemo } from '@api/relationship/relationship-demo';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_COMPARISON_STUDENTS,
  DEMO_COORDINATOR_EMAIL,
  DEMO_MATCHED_MENTEES,
  DEMO_PASSWORD,
  DEMO_PROGRAM_NAME,
  demoMentees,
  demoMentors,
  demoRecords,
  demoSurveyValue,
  type DemoStudent,
} from './demo-data';

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Start-up data: the first admin from the environment, then (on an empty database) the demo program. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly passwords: PasswordService,
  ) {}

  async run(): Promise<void> {
    await this.ensureFirstAdmin();
    if (await this.shouldSeedDemo()) await this.seedDemo();
  }

  private async adminExists(): Promise<boolean> {
    return (await this.dataSource.manager.count(UserEntity, { where: { role: Role.Admin } })) > 0;
  }

  private async ensureFirstAdmin(): Promise<void> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (!email || !password || (await this.adminExists())) return;
    const normalized = email.trim().toLowerCase();
    const existing = await this.dataSource.manager.findOne(UserEntity, { where: { email: normalized } });
    if (existing) {
      // Promoting an existing account silently would hand admin rights to whoever registered that email first.
      this.logger.error(`ADMIN_EMAIL ${normalized} belongs to an existing ${existing.role} account; no admin was created`);
      return;
    }
    await this.dataSource.manager.insert(UserEntity, {
      email: normalized,
      passwordHash: await this.passwords.hash(password),
      fullName: 'Administrator',
      role: Role.Admin,
      yearOfStudy: null,
    });
    this.logger.log(`Created the first admin, ${normalized}`);
  }

  private async shouldSeedDemo(): Promise<boolean> {
    if (this.config.DEMO_SEED === false) return false;
    // "Empty" means no program and no student yet: a real deployment with data is never touched.
    const programs = await this.dataSource.manager.count(ProgramEntity);
    const students = await this.dataSource.manager.count(UserEntity, { where: { role: Role.Student } });
    return programs === 0 && students === 0;
  }

  private async seedDemo(): Promise<void> {
    // One hash for every demo account: the password is public anyway, and start-up stays fast.
    const passwordHash = await this.passwords.hash(DEMO_PASSWORD);
    const today = new Date();
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.adminExists())) {
        await manager.insert(UserEntity, { email: DEMO_ADMIN_EMAIL, passwordHash, fullName: 'Demo Admin', role: Role.Admin, yearOfStudy: null });
      }
      const coordinator = await manager.save(
        manager.create(UserEntity, { email: DEMO_COORDINATOR_EMAIL, passwordHash, fullName: 'Dr. Shirin Kazemi', role: Role.Coordinator, yearOfStudy: null }),
      );
      const program = await manager.save(
        manager.create(ProgramEntity, {
          name: DEMO_PROGRAM_NAME,
          timezone: 'Asia/Tehran',
          // Mentoring began a month ago and runs for the rest of the academic year.
          startsOn: isoDay(new Date(today.getTime() - 30 * 86_400_000)),
          endsOn: isoDay(new Date(today.getTime() + 240 * 86_400_000)),
          createdById: coordinator.id,
        }),
      );
      await manager.insert(ProgramCoordinatorEntity, { programId: program.id, userId: coordinator.id });
      const enrol = async (people: DemoStudent[], role: EnrollmentRole): Promise<Array<DemoStudent & { id: string }>> => {
        const saved: Array<DemoStudent & { id: string }> = [];
        for (const p of people) {
          const { capacity, ...profile } = p;
          const user = await manager.save(manager.create(UserEntity, { ...profile, passwordHash, role: Role.Student }));
          await manager.insert(EnrollmentEntity, { programId: program.id, userId: user.id, role, capacity: role === EnrollmentRole.Mentor ? (capacity ?? 3) : null });
          saved.push({ ...p, id: user.id });
        }
        return saved;
      };
      const mentors = await enrol(demoMentors(), EnrollmentRole.Mentor);
      const mentees = await enrol(demoMentees(), EnrollmentRole.Mentee);

      // Some mentees already have a mentor (first eligible mentor with room), so outcomes have a mentored group;
      // the rest wait for the coordinator to try the matching page.
      const load = new Map<string, number>();
      const matched = new Set<string>();
      for (const mentee of mentees.slice(0, DEMO_MATCHED_MENTEES)) {
        const mentor = mentors.find(
          (m) => m.yearOfStudy > mentee.yearOfStudy && m.modalities.some((x) => mentee.modalities.includes(x)) && (load.get(m.id) ?? 0) < (m.capacity ?? 3),
        );
        if (!mentor) continue;
        load.set(mentor.id, (load.get(mentor.id) ?? 0) + 1);
        matched.add(mentee.email);
        // The demo pairs began with the program, so their results since startsOn count as after mentoring.
        await manager.insert(MentorshipEntity, { programId: program.id, menteeId: mentee.id, mentorId: mentor.id, createdById: coordinator.id, startedOn: program.startsOn });
      }

      await seedRelationshipDemo(manager, program.id);

      const classmates = Array.from({ length: DEMO_COMPARISON_STUDENTS }, (_, i) => `classmate${i + 1}@demo.example`);
      const records = demoRecords(program.startsOn, matched, [...mentees.map((m) => m.email), ...classmates]).filter((r) => r.takenOn <= isoDay(today));
      await manager.insert(
        AcademicRecordEntity,
        records.map((r) => ({ programId: program.id, studentEmail: r.email, assessment: r.assessment, takenOn: r.takenOn, score: r.score, maxScore: r.maxScore })),
      );

      const items = await manager.save(
        SurveyItemEntity,
        DEFAULT_SURVEY_ITEMS.map((item, position) => manager.create(SurveyItemEntity, { programId: program.id, key: item.key, text: item.text, position, active: true })),
      );
      for (const [index, mentee] of mentees.filter((m) => matched.has(m.email)).entries()) {
        const response = await manager.save(manager.create(SurveyResponseEntity, { programId: program.id, respondentId: mentee.id, kind: 'end' }));
        await manager.insert(
          SurveyAnswerEntity,
          items.map((item, itemIndex) => ({ responseId: response.id, itemId: item.id, value: demoSurveyValue(index, itemIndex) })),
        );
      }
    });
    this.logger.log(`Seeded the demo program "${DEMO_PROGRAM_NAME}" (sign in as ${DEMO_COORDINATOR_EMAIL} / ${DEMO_PASSWORD})`);
  }
}
