import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EnrollmentRole, type EnrollmentResponse } from '@pm/contracts';
import { AuditService } from '@api/audit/audit.service';
import type { Actor } from '@api/common/access.decorators';
import { isUuid } from '@api/common/uuid';
import { EnrollmentEntity } from './enrollment.entity';
import { ProgramAccess } from './program-access.service';
import { capacityBelowLoad, capacityOnlyForMentors, enrollmentHasActiveMentorship, enrollmentNotFound } from './programs.errors';
import { toEnrollmentResponse, type EnrollmentRow } from './programs.mapper';
import { ENROLLMENT_SELECT } from './programs.service';

/**
 * Changing an enrolment after the fact: a mentor's capacity, or taking someone out of the program. Both run
 * under the lock on the program row that every mentorship write takes, so the load they compare against
 * cannot change under them (a manual match or a commit waits).
 */
@Injectable()
export class EnrollmentChangesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
    private readonly audit: AuditService,
  ) {}

  /** Coordinators of the program: a mentor's capacity, never below the mentees they have now. */
  async updateCapacity(actor: Actor, programId: string, enrollmentId: string, capacity: number): Promise<EnrollmentResponse> {
    await this.access.requireCoordinator(actor, programId);
    await this.dataSource.transaction(async (manager) => {
      const enrollment = await this.lockEnrollment(manager, programId, enrollmentId);
      if (enrollment.role !== EnrollmentRole.Mentor) throw capacityOnlyForMentors();
      const active = await this.activeMentorships(manager, programId, enrollment.userId);
      if (capacity < active) throw capacityBelowLoad(active);
      if (capacity === enrollment.capacity) return;
      await manager.update(EnrollmentEntity, { id: enrollment.id }, { capacity });
      await this.audit.record(
        { actorId: actor.id, action: 'enrollment.capacity', programId, subjectUserId: enrollment.userId, details: { from: enrollment.capacity, to: capacity } },
        manager,
      );
    });
    const rows: EnrollmentRow[] = await this.dataSource.query(`${ENROLLMENT_SELECT} WHERE e.id = $1`, [enrollmentId]);
    return toEnrollmentResponse(rows[0] as EnrollmentRow);
  }

  /**
   * Coordinators of the program: take a student out of it. Refused (409) while they are in an active
   * mentorship, so no active pair ever has a side outside the program: the coordinator ends the pair first.
   * Ended mentorships, their sessions and records stay (they are history, and outcomes count them); the
   * student's ranking and the exclusions naming them go, being about a matching they no longer take part in.
   */
  async remove(actor: Actor, programId: string, enrollmentId: string): Promise<void> {
    await this.access.requireCoordinator(actor, programId);
    await this.dataSource.transaction(async (manager) => {
      const enrollment = await this.lockEnrollment(manager, programId, enrollmentId);
      if ((await this.activeMentorships(manager, programId, enrollment.userId)) > 0) throw enrollmentHasActiveMentorship();
      await manager.query('DELETE FROM match_preference WHERE program_id = $1 AND user_id = $2', [programId, enrollment.userId]);
      await manager.query('DELETE FROM match_exclusion WHERE program_id = $1 AND (mentee_id = $2 OR mentor_id = $2)', [programId, enrollment.userId]);
      await manager.delete(EnrollmentEntity, { id: enrollment.id });
      await this.audit.record({ actorId: actor.id, action: 'enrollment.remove', programId, subjectUserId: enrollment.userId, details: { role: enrollment.role } }, manager);
    });
  }

  private async lockEnrollment(manager: EntityManager, programId: string, enrollmentId: string): Promise<EnrollmentEntity> {
    if (!isUuid(enrollmentId)) throw enrollmentNotFound();
    await manager.query('SELECT id FROM program WHERE id = $1 FOR UPDATE', [programId]);
    const enrollment = await manager.findOne(EnrollmentEntity, { where: { id: enrollmentId, programId } });
    if (!enrollment) throw enrollmentNotFound();
    return enrollment;
  }

  private async activeMentorships(manager: EntityManager, programId: string, userId: string): Promise<number> {
    const rows: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM mentorship WHERE program_id = $1 AND status = 'active' AND (mentor_id = $2 OR mentee_id = $2)`,
      [programId, userId],
    );
    return rows[0]?.n ?? 0;
  }
}
