import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pino } from 'pino';
import type { IncomingMessage } from 'node:http';
import { AuditModule } from './audit/audit.module';
import { AuditLogModule } from './audit/audit-log.module';
import { AuthModule } from './auth/auth.module';
import { ChatModule } from './chat/chat.module';
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

// Secrets that may travel in a URL path (calendar feed tokens, invitation tokens, join codes) or query (the school
// sign-in's `code`, `state` and `invitation`) are masked before a line is written.
const SECRET_PATH = /(\/calendar(?:-feed)?\/|\/auth\/invitations\/(?!accept\b)|\/join-codes\/)[^/?#]+/g;
const SECRET_QUERY = /([?&](?:code|state|token|invitation)=)[^&#]*/g;
export const safeUrl = (url: string | undefined): string => (url ?? '').replace(SECRET_PATH, '$1[redacted]').replace(SECRET_QUERY, '$1[redacted]');

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          // nestjs-pino's default '*' is the pre-Express-5 wildcard, which Nest warns about and rewrites at boot.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: [
            {
              level: config.LOG_LEVEL,
              // Only what an operator needs; headers (Authorization, cookies) and bodies (passwords) are never logged.
              serializers: {
                req: (req: IncomingMessage & { id?: unknown }) => ({ id: req.id, method: req.method, url: safeUrl(req.url) }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              redact: { paths: ['req.headers', 'password', '*.password', 'accessToken', 'refreshToken', '*.accessToken', '*.refreshToken'], censor: '[redacted]' },
              // Middleware sees the path below its mount point in `url` (Fastify's middie); `originalUrl` is the whole.
              autoLogging: { ignore: (req: IncomingMessage & { originalUrl?: string }) => (req.originalUrl ?? req.url) === '/api/health' },
            },
            // Written asynchronously: a synchronous write to stdout per request held the event loop for every
            // log line (bench/profile). pino flushes what is pending when the process exits.
            pino.destination({ dest: 1, sync: false }),
          ],
        }),
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
