import { Module } from '@nestjs/common';
import { AuditModule } from '@api/audit/audit.module';
import { NotificationsModule } from '@api/notifications/notifications.module';
import { ProgramsModule } from '@api/programs/programs.module';
import { AgreementsController } from './agreements/agreements.controller';
import { AgreementsService } from './agreements/agreements.service';
import { CheckInsController } from './check-ins/check-ins.controller';
import { CheckInsService } from './check-ins/check-ins.service';
import { MentorHoursController } from './mentor-hours/mentor-hours.controller';
import { MentorHoursService } from './mentor-hours/mentor-hours.service';
import { PairAccess } from './pair-access';
import { PairHealthController } from './pair-health/pair-health.controller';
import { PairHealthJobs } from './pair-health/pair-health.jobs';
import { PairHealthService } from './pair-health/pair-health.service';
import { ReferralsController } from './referrals/referrals.controller';
import { ReferralsService } from './referrals/referrals.service';
import { RelationshipNotifier } from './relationship-notifier';
import { SessionLogsController } from './session-logs/session-logs.controller';
import { SessionLogsService } from './session-logs/session-logs.service';
import { SessionViewService } from './session-logs/session-view.service';

/**
 * Running the relationship (issue 14): agreements, session logs, check-ins, referrals, the pair-health board
 * and mentor hours. One folder per use case; SessionViewService is exported for `GET /api/sessions/:id`.
 */
@Module({
  imports: [AuditModule, ProgramsModule, NotificationsModule],
  controllers: [AgreementsController, SessionLogsController, CheckInsController, ReferralsController, PairHealthController, MentorHoursController],
  providers: [
    PairAccess,
    RelationshipNotifier,
    AgreementsService,
    SessionLogsService,
    SessionViewService,
    CheckInsService,
    ReferralsService,
    PairHealthService,
    PairHealthJobs,
    MentorHoursService,
  ],
  exports: [SessionViewService, PairHealthService],
})
export class RelationshipModule {}
