import { Module } from '@nestjs/common';
import { AvailabilityController } from './availability.controller';
import { AvailabilityService } from './availability.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController, AvailabilityController],
  providers: [SessionsService, AvailabilityService],
  exports: [SessionsService],
})
export class SessionsModule {}
