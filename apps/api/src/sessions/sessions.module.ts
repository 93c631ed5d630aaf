import { Module } from '@nestjs/common';
import { AvailabilityController } from './availability.controller';
import { AvailabilityService } from './availability.service';
import { AttendanceService } from './attendance.service';
import { BookingService } from './booking.service';
import { GroupSeatsService } from './group-seats.service';
import { SessionChangesService } from './session-changes.service';
import { SessionStore } from './session.store';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { RelationshipModule } from '@api/relationship/relationship.module';

@Module({
  imports: [RelationshipModule],
  controllers: [SessionsController, AvailabilityController],
  providers: [SessionsService, SessionStore, BookingService, SessionChangesService, GroupSeatsService, AttendanceService, AvailabilityService],
  exports: [SessionsService, BookingService],
})
export class SessionsModule {}
