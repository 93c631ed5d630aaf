import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { Role, type ProfileResponse, type UserAccountResponse, type UserResponse, type UserSummary } from '@pm/contracts';
import { AccountCache } from '@api/auth/account-cache';
import { AccountSessionsService } from '@api/auth/account-sessions.service';
import { isUuid } from '@api/common/uuid';
import { AuditService } from '@api/audit/audit.service';
import { isUniqueViolation } from '@api/auth/auth.service';
import { emailTaken, forbidden, unauthenticated } from '@api/auth/auth.errors';
import { PasswordService } from '@api/auth/password.service';
import type { Actor } from '@api/common/access.decorators';
import type { CreateUserDto, ListUsersQuery, UpdateProfileDto } from './dto/users.dto';
import { UserEntity } from './user.entity';
import { accountNotFound, cannotDeactivateSelf } from './users.errors';
import { toProfileResponse, toUserAccountResponse, toUserResponse, toUserSummary } from './users.mapper';

const DIRECTORY_LIMIT = 50;

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly sessions: AccountSessionsService,
    private readonly accounts: AccountCache,
  ) {}

  /** Any signed-in user: their own account, from the guard's cache (it holds exactly these fields). */
  async me(actor: Actor): Promise<UserResponse> {
    const account = await this.accounts.get(actor.id);
    if (!account) throw unauthenticated('This account no longer exists');
    return { id: account.id, email: account.email, fullName: account.fullName, role: account.role, yearOfStudy: account.yearOfStudy };
  }

  async profile(actor: Actor): Promise<ProfileResponse> {
    return toProfileResponse(await this.load(actor.id));
  }

  /** Students only: what matching reads about them. */
  async updateProfile(actor: Actor, dto: UpdateProfileDto): Promise<ProfileResponse> {
    if (actor.role !== Role.Student) throw forbidden('Only students have a mentoring profile');
    const user = await this.load(actor.id);
    Object.assign(user, {
      yearOfStudy: dto.yearOfStudy,
      interests: dto.interests,
      languages: dto.languages,
      modalities: dto.modalities,
      campus: dto.campus && dto.campus.length > 0 ? dto.campus : null,
    });
    const saved = await this.users.save(user);
    // The trigger tells every instance; this one forgets at once, so the caller's next GET /api/me has the new year.
    this.accounts.forget(actor.id);
    return toProfileResponse(saved);
  }

  /** Admins only: staff accounts (coordinators, admins). Students register themselves. */
  async createStaff(actor: Actor, dto: CreateUserDto): Promise<UserResponse> {
    if (actor.role !== Role.Admin) throw forbidden('Only admins create staff accounts');
    const passwordHash = await this.passwords.hash(dto.password);
    try {
      const user = await this.users.save(this.users.create({ email: dto.email, passwordHash, fullName: dto.fullName, role: dto.role, yearOfStudy: null }));
      await this.audit.record({ actorId: actor.id, action: 'user.create', subjectUserId: user.id, details: { role: user.role } });
      return toUserResponse(user);
    } catch (e) {
      if (isUniqueViolation(e, 'app_user_email_key')) throw emailTaken();
      throw e;
    }
  }

  /**
   * Admins only: deactivate an account. It can no longer sign in; every token it holds stops working at once
   * and its chat connections are closed on every instance. Nothing it owns is deleted (mentorships, messages,
   * records stay), so reactivating gives the account back as it was. Idempotent.
   */
  async deactivate(actor: Actor, userId: string): Promise<UserAccountResponse> {
    if (actor.role !== Role.Admin) throw forbidden('Only admins deactivate accounts');
    if (userId === actor.id) throw cannotDeactivateSelf();
    const user = await this.users.manager.transaction(async (manager) => {
      const found = await this.lockAccount(manager, userId);
      if (found.deactivatedAt) return found;
      found.deactivatedAt = new Date();
      await manager.update(UserEntity, { id: found.id }, { deactivatedAt: found.deactivatedAt });
      await this.sessions.endAll(found.id, manager);
      await this.audit.record({ actorId: actor.id, action: 'user.deactivate', subjectUserId: found.id }, manager);
      return found;
    });
    await this.sessions.closeLiveConnections(user.id);
    return toUserAccountResponse(user);
  }

  /** Admins only: let a deactivated account sign in again (with its password; old tokens stay dead). Idempotent. */
  async reactivate(actor: Actor, userId: string): Promise<UserAccountResponse> {
    if (actor.role !== Role.Admin) throw forbidden('Only admins reactivate accounts');
    const user = await this.users.manager.transaction(async (manager) => {
      const found = await this.lockAccount(manager, userId);
      if (!found.deactivatedAt) return found;
      found.deactivatedAt = null;
      await manager.update(UserEntity, { id: found.id }, { deactivatedAt: null });
      await this.audit.record({ actorId: actor.id, action: 'user.reactivate', subjectUserId: found.id }, manager);
      return found;
    });
    this.accounts.forget(user.id);
    return toUserAccountResponse(user);
  }

  private async lockAccount(manager: EntityManager, userId: string): Promise<UserEntity> {
    if (!isUuid(userId)) throw accountNotFound();
    const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw accountNotFound();
    return user;
  }

  /** Coordinators and admins: the directory used to enrol students and add coordinators. */
  async directory(actor: Actor, query: ListUsersQuery): Promise<UserSummary[]> {
    if (actor.role !== Role.Coordinator && actor.role !== Role.Admin) throw forbidden();
    const qb = this.users.createQueryBuilder('u').orderBy('u.full_name', 'ASC').addOrderBy('u.id', 'ASC').limit(DIRECTORY_LIMIT);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(new Brackets((w) => w.where('u.full_name ILIKE :like', { like }).orWhere('u.email ILIKE :like', { like })));
    }
    return (await qb.getMany()).map(toUserSummary);
  }

  private async load(id: string): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw unauthenticated('This account no longer exists');
    return user;
  }
}
