import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/** Global: every domain may queue and work jobs (notifications, mail, reminders, digests). */
@Global()
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
