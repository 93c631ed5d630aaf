import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuditLogModule } from './audit/audit-log.module';
import { AuthModule } from './auth/auth.module';
import { ChatModule } from './chat/chat.module';
import { RequestLogging } from './common/request-logging';
import { ForumModule } from './forum/forum.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { HealthModule } from './health/health.module';
import { MatchingModule } from './matching/matching.module';
import { OutcomesModule } from './outcomes/outcomes.module';
import { AllocationsModule } from './allocations/allocations.module';
import { ProgramsModule } from './programs/programs.module';
import { RelationshipModule } from './relationship/relationship.module';
import { SeedModule } from './seed/seed.module';
import { UsersModule } from './users/users.module';
// onboarding
import { InvitationsModule } from './invitations/invitations.module';
import { OidcModule } from './auth/oidc/oidc.module';
import { RosterModule } from './roster/roster.module';
// sessions
import { CalendarModule } from './calendar/calendar.module';
import { SessionsModule } from './sessions/sessions.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const logging = new RequestLogging(config.LOG_LEVEL);
    return {
      module: AppModule,
      providers: [{ provide: RequestLogging, useValue: logging }],
      imports: [
        ConfigModule.forRoot(config),
        // Nest's logger (app.useLogger) writes through the same pino as the request log; no Nest middleware: the
        // request log is a Fastify hook (RequestLogging.register, called by configureApp), without nestjs-pino's
        // per-request AsyncLocalStorage.
        LoggerModule.forRoot({ pinoHttp: { logger: logging.logger }, forRoutes: [] }),
        DatabaseModule,
        EventsModule,
        JobsModule,
        AuditModule,
        AuthModule,
        UsersModule,
        ProgramsModule,
        MatchingModule,
        OutcomesModule,
        AllocationsModule,
        AuditLogModule,
        SessionsModule,
        CalendarModule,
        ChatModule,
        NotificationsModule,
        ForumModule,
        RelationshipModule,
        InvitationsModule,
        RosterModule,
        OidcModule,
        HealthModule,
        SeedModule,
      ],
    };
  }
}
