import { AuditLogEntity } from '@api/audit/audit-log.entity';
import { RefreshTokenEntity } from '@api/auth/refresh-token.entity';
import { EnrollmentEntity } from '@api/programs/enrollment.entity';
import { ProgramCoordinatorEntity } from '@api/programs/program-coordinator.entity';
import { ProgramEntity } from '@api/programs/program.entity';
import { UserEntity } from '@api/users/user.entity';
import { AppSettingEntity } from './app-setting.entity';

/** Every entity, listed once: the app, the migration CLI and the tests all read this list. */
export const ENTITIES = [
  AppSettingEntity,
  AuditLogEntity,
  UserEntity,
  RefreshTokenEntity,
  ProgramEntity,
  ProgramCoordinatorEntity,
  EnrollmentEntity,
];
