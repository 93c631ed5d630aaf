import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_MENTOR_CAPACITY, EnrollmentRole, Role, type CoordinatorResponse, type EnrollmentResponse, type ProgramResponse } from '@pm/contracts';
import { isUniqueViolation } from '@api/auth/auth.service';
import { forbidden } from '@api/auth/auth.errors';
import { AuditService } from '@api/audit/audit.service';
import type { Actor } from '@api/common/access.decorators';
import { UserEntity } from '@api/users/user.entity';
import { notAStudent, notStaff, userNotFound } from '@api/users/users.errors';
import type { AddCoordinatorDto, CreateEnrollmentDto, CreateProgramDto } from './dto/programs.dto';
import { EnrollmentEntity } from './enrollment.entity';
import { ProgramAccess } from './program-access.service';
import { ProgramCoordinatorEntity } from './program-coordinator.entity';
import { ProgramEntity } from './program.entity';
import { alreadyCoordinator, alreadyEnrolled, capacityOnlyForMentors, invalidDateRange, programNotFound } from './programs.errors';
import { toCoordinatorResponse, toEnrollmentResponse, toProgramResponse, type EnrollmentRow, type ProgramRow } from './programs.mapper';

// $1 is always the caller's id.
const PROGRAM_SELECT = `
  SELECT p.id, p.name, p.timezone, p.starts_on, p.ends_on, p.created_at, p.closed_at,
         EXISTS (SELECT 1 FROM program_coordinator pc WHERE pc.program_id = p.id AND pc.user_id = $1) AS is_coordinator,
         (SELECT e.role::text FROM enrollment e WHERE e.program_id = p.id AND e.user_id = $1) AS enrolled_as,
         (SELECT count(*) FROM enrollment e WHERE e.program_id = p.id AND e.role = 'mentor')::int AS mentors,
         (SELECT count(*) FROM enrollment e WHERE e.program_id = p.id AND e.role = 'mentee')::int AS mentees,
         (SELECT count(*) FROM program_coordinator pc WHERE pc.program_id = p.id)::int AS coordinators
    FROM program p`;

export const ENROLLMENT_SELECT = `
  SELECT e.id, e.program_id, e.user_id, e.role, e.capacity, e.created_at, u.full_name, u.email, u.year_of_study, u.modalities,
         (SELECT count(*)::int FROM mentorship m
           WHERE m.program_id = e.program_id AND m.status = 'active' AND (m.mentor_id = e.user_id OR m.mentee_id = e.user_id)) AS active_mentorships
    FROM enrollment e JOIN app_user u ON u.id = e.user_id`;

@Injectable()
export class ProgramsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
    private readonly audit: AuditService,
  ) {}

  /** Coordinators and admins; the creator becomes one of the program's coordinators. */
  async create(actor: Actor, dto: CreateProgramDto): Promise<ProgramResponse> {
    if (actor.role !== Role.Coordinator && actor.role !== Role.Admin) throw forbidden('Only coordinators create programs');
    if (dto.endsOn < dto.startsOn) throw invalidDateRange();
    const id = await this.dataSource.transaction(async (manager) => {
      const program = await manager.save(
        manager.create(ProgramEntity, { name: dto.name, timezone: dto.timezone, startsOn: dto.startsOn, endsOn: dto.endsOn, createdById: actor.id }),
      );
      await manager.insert(ProgramCoordinatorEntity, { programId: program.id, userId: actor.id });
      return program.id;
    });
    return this.loadOne(actor, id);
  }

  /** Every signed-in user: the programs they coordinate or are enrolled in; admins see all. */
  async listMine(actor: Actor): Promise<ProgramResponse[]> {
    const rows: ProgramRow[] = await this.dataSource.query(
      `${PROGRAM_SELECT}
        WHERE $2::boolean
           OR EXISTS (SELECT 1 FROM program_coordinator pc WHERE pc.program_id = p.id AND pc.user_id = $1)
           OR EXISTS (SELECT 1 FROM enrollment e WHERE e.program_id = p.id AND e.user_id = $1)
        ORDER BY p.starts_on DESC, p.name, p.id`,
      [actor.id, actor.role === Role.Admin],
    );
    return rows.map(toProgramResponse);
  }

  async get(actor: Actor, programId: string): Promise<ProgramResponse> {
    await this.access.requireMember(actor, programId);
    return this.loadOne(actor, programId);
  }

  /** Coordinators of the program: enrol a student as mentor (with capacity) or mentee. */
  async enroll(actor: Actor, programId: string, dto: CreateEnrollmentDto): Promise<EnrollmentResponse> {
    await this.access.requireCoordinator(actor, programId);
    await this.access.requireOpen(programId);
    if (dto.role === EnrollmentRole.Mentee && dto.capacity !== undefined) throw capacityOnlyForMentors();
    const student = await this.dataSource.manager.findOne(UserEntity, { where: { id: dto.userId }, select: ['id', 'role'] });
    if (!student) throw userNotFound();
    if (student.role !== Role.Student) throw notAStudent();
    try {
      const saved = await this.dataSource.manager.save(
        this.dataSource.manager.create(EnrollmentEntity, {
          programId,
          userId: dto.userId,
          role: dto.role,
          capacity: dto.role === EnrollmentRole.Mentor ? (dto.capacity ?? DEFAULT_MENTOR_CAPACITY) : null,
        }),
      );
      return (await this.enrollmentRows('WHERE e.id = $1', [saved.id])).map(toEnrollmentResponse)[0] as EnrollmentResponse;
    } catch (e) {
      if (isUniqueViolation(e, 'enrollment_program_user_key')) throw alreadyEnrolled();
      throw e;
    }
  }

  async listEnrollments(actor: Actor, programId: string): Promise<EnrollmentResponse[]> {
    await this.access.requireCoordinator(actor, programId);
    return (await this.enrollmentRows('WHERE e.program_id = $1 ORDER BY e.role, u.full_name, e.id', [programId])).map(toEnrollmentResponse);
  }

  /** Coordinators of the program, or an admin staffing it: add another coordinator. */
  async addCoordinator(actor: Actor, programId: string, dto: AddCoordinatorDto): Promise<CoordinatorResponse> {
    await this.access.requireCoordinatorOrAdmin(actor, programId);
    const user = await this.dataSource.manager.findOne(UserEntity, { where: { id: dto.userId } });
    if (!user) throw userNotFound();
    if (user.role !== Role.Coordinator && user.role !== Role.Admin) throw notStaff();
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(ProgramCoordinatorEntity, { programId, userId: user.id });
        await this.audit.record({ actorId: actor.id, action: 'program.coordinator.add', programId, subjectUserId: user.id }, manager);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw alreadyCoordinator();
      throw e;
    }
    return toCoordinatorResponse({ user_id: user.id, full_name: user.fullName, email: user.email });
  }

  async listCoordinators(actor: Actor, programId: string): Promise<CoordinatorResponse[]> {
    await this.access.requireCoordinatorOrAdmin(actor, programId);
    const rows: Array<{ user_id: string; full_name: string; email: string }> = await this.dataSource.query(
      `SELECT pc.user_id, u.full_name, u.email FROM program_coordinator pc JOIN app_user u ON u.id = pc.user_id
        WHERE pc.program_id = $1 ORDER BY u.full_name, u.id`,
      [programId],
    );
    return rows.map(toCoordinatorResponse);
  }

  private async loadOne(actor: Actor, programId: string, manager: EntityManager = this.dataSource.manager): Promise<ProgramResponse> {
    const rows: ProgramRow[] = await manager.query(`${PROGRAM_SELECT} WHERE p.id = $2`, [actor.id, programId]);
    const row = rows[0];
    if (!row) throw programNotFound();
    return toProgramResponse(row);
  }

  private enrollmentRows(where: string, params: unknown[]): Promise<EnrollmentRow[]> {
    return this.dataSource.query(`${ENROLLMENT_SELECT} ${where}`, params);
  }
}
