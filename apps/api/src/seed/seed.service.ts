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
import { DEMO_ADMIN_EMAIL, DEMO_COORDINATOR_EMAIL, DEMO_PASSWORD, DEMO_PROGRAM_NAME, demoMentees, demoMentors } from './demo-data';

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
      const enrol = async (people: ReturnType<typeof demoMentors>, role: EnrollmentRole): Promise<void> => {
        for (const p of people) {
          const { capacity, ...profile } = p;
          const user = await manager.save(manager.create(UserEntity, { ...profile, passwordHash, role: Role.Student }));
          await manager.insert(EnrollmentEntity, { programId: program.id, userId: user.id, role, capacity: role === EnrollmentRole.Mentor ? (capacity ?? 3) : null });
        }
      };
      await enrol(demoMentors(), EnrollmentRole.Mentor);
      await enrol(demoMentees(), EnrollmentRole.Mentee);
    });
    this.logger.log(`Seeded the demo program "${DEMO_PROGRAM_NAME}" (sign in as ${DEMO_COORDINATOR_EMAIL} / ${DEMO_PASSWORD})`);
  }
}
