import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { Role, type ProfileResponse, type UserResponse, type UserSummary } from '@pm/contracts';
import { AuditService } from '@api/audit/audit.service';
import { isUniqueViolation } from '@api/auth/auth.service';
import { emailTaken, forbidden, unauthenticated } from '@api/auth/auth.errors';
import { PasswordService } from '@api/auth/password.service';
import type { Actor } from '@api/common/access.decorators';
import type { CreateUserDto, ListUsersQuery, UpdateProfileDto } from './dto/users.dto';
import { UserEntity } from './user.entity';
import { toProfileResponse, toUserResponse, toUserSummary } from './users.mapper';

const DIRECTORY_LIMIT = 50;

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  /** Any signed-in user: their own account. */
  async me(actor: Actor): Promise<UserResponse> {
    return toUserResponse(await this.load(actor.id));
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
    return toProfileResponse(await this.users.save(user));
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
