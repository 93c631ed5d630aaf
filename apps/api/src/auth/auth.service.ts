import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Role, type AuthResponse } from '@pm/contracts';
import { UserEntity } from '@api/users/user.entity';
import { toUserResponse } from '@api/users/users.mapper';
import { emailTaken, invalidCredentials, tooManyAttempts } from './auth.errors';
import { LoginAttempts } from './login-attempts';
import { PasswordService } from './password.service';
import { TokenService } from './token.service';
import type { LoginDto, RegisterDto } from './dto/auth.dto';

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
    const pair = await this.tokens.issue(user.id, user.role);
    return { user: toUserResponse(user), ...pair };
  }

  /** Public to the holder of a refresh token. */
  async refresh(refreshToken: string): Promise<AuthResponse> {
    let user: UserEntity | null = null;
    const pair = await this.tokens.rotate(refreshToken, async (userId: string, manager: EntityManager) => {
      user = await manager.findOne(UserEntity, { where: { id: userId } });
      return user?.role;
    });
    if (!user) throw invalidCredentials();
    return { user: toUserResponse(user), accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresIn: pair.expiresIn };
  }

  /** Public to the holder of a refresh token: ends that sign-in everywhere it was refreshed. */
  async logout(refreshToken: string): Promise<void> {
    await this.tokens.revokeFamilyOf(refreshToken);
  }
}
