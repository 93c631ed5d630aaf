import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Role, type AuthResponse } from '@pm/contracts';
import { UserEntity } from '@api/users/user.entity';
import { toUserResponse } from '@api/users/users.mapper';
import { AuditService } from '@api/audit/audit.service';
import type { Actor } from '@api/common/access.decorators';
import { AccountSessionsService } from './account-sessions.service';
import { accountDeactivated, currentPasswordIncorrect, emailTaken, invalidCredentials, tooManyAttempts, unauthenticated } from './auth.errors';
import { LoginAttempts } from './login-attempts';
import { PasswordService } from './password.service';
import { TokenService } from './token.service';
import type { ChangePasswordDto, LoginDto, RegisterDto } from './dto/auth.dto';

const UNIQUE_VIOLATION = '23505';

export const isUniqueViolation = (e: unknown, constraint?: string): boolean =>
  e instanceof QueryFailedError &&
  (e.driverError as { code?: string; constraint?: string }).code === UNIQUE_VIOLATION &&
  (constraint === undefined || (e.driverError as { constraint?: string }).constraint === constraint);

@Injectable()
export class AuthService {
  private readonly attempts = new LoginAttempts();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly sessions: AccountSessionsService,
    private readonly audit: AuditService,
  ) {}

  /** Public: anyone may register, always as a student. */
  async register(dto: RegisterDto): Promise<AuthResponse> {
    const passwordHash = await this.passwords.hash(dto.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await manager.save(
          manager.create(UserEntity, { email: dto.email, passwordHash, fullName: dto.fullName, role: Role.Student, yearOfStudy: dto.yearOfStudy }),
        );
        const pair = await this.tokens.issue(user.id, user.role, manager);
        return { user: toUserResponse(user), ...pair };
      });
    } catch (e) {
      if (isUniqueViolation(e, 'app_user_email_key')) throw emailTaken();
      throw e;
    }
  }

  /** Public. Unknown email and wrong password answer alike, in about the same time. */
  async login(dto: LoginDto): Promise<AuthResponse> {
    const wait = this.attempts.retryAfter(dto.email);
    if (wait > 0) throw tooManyAttempts(wait);
    const user = await this.dataSource.manager.findOne(UserEntity, { where: { email: dto.email } });
    if (!user) {
      await this.passwords.verifyAgainstNothing(dto.password);
      this.attempts.recordFailure(dto.email);
      throw invalidCredentials();
    }
    if (!(await this.passwords.verify(user.passwordHash, dto.password))) {
      this.attempts.recordFailure(dto.email);
      throw invalidCredentials();
    }
    this.attempts.recordSuccess(dto.email);
    // Said only to someone who knows the password, so it reveals nothing to a guesser.
    if (user.deactivatedAt) throw accountDeactivated();
    const pair = await this.tokens.issue(user.id, user.role);
    return { user: toUserResponse(user), ...pair };
  }

  /**
   * Signed in: change one's own password. The current one is required (a stolen access token alone cannot
   * take the account over) and wrong guesses are slowed like sign-ins, on the same per-account counter. Every
   * other sign-in ends: access tokens already issued stop working, refresh tokens are revoked and open chat
   * connections are closed; the caller gets a fresh pair so this session carries on.
   */
  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<AuthResponse> {
    const wait = this.attempts.retryAfter(actor.email);
    if (wait > 0) throw tooManyAttempts(wait);
    const user = await this.dataSource.manager.findOne(UserEntity, { where: { id: actor.id } });
    if (!user) throw unauthenticated('This account no longer exists');
    if (!(await this.passwords.verify(user.passwordHash, dto.currentPassword))) {
      this.attempts.recordFailure(actor.email);
      throw currentPasswordIncorrect();
    }
    this.attempts.recordSuccess(actor.email);
    const passwordHash = await this.passwords.hash(dto.newPassword);
    const pair = await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { passwordHash });
      await this.sessions.endAll(user.id, manager);
      await this.audit.record({ actorId: user.id, action: 'user.password_change', subjectUserId: user.id }, manager);
      return this.tokens.issue(user.id, user.role, manager);
    });
    await this.sessions.closeLiveConnections(user.id);
    return { user: toUserResponse(user), ...pair };
  }

  /** Public to the holder of a refresh token. */
  async refresh(refreshToken: string): Promise<AuthResponse> {
    let user: UserEntity | null = null;
    const pair = await this.tokens.rotate(refreshToken, async (userId: string, manager: EntityManager) => {
      user = await manager.findOne(UserEntity, { where: { id: userId } });
      return user;
    });
    if (!user) throw invalidCredentials();
    return { user: toUserResponse(user), accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresIn: pair.expiresIn };
  }

  /** Public to the holder of a refresh token: ends that sign-in everywhere it was refreshed. */
  async logout(refreshToken: string): Promise<void> {
    await this.tokens.revokeFamilyOf(refreshToken);
  }
}
