import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { Repository } from 'typeorm';
import { ACCESS_KEY, type AccessRule, type RequestWithActor } from '@api/common/access.decorators';
import { UserEntity } from '@api/users/user.entity';
import { forbidden, unauthenticated } from './auth.errors';
import { TokenService } from './token.service';

/**
 * The global guard. Routes are closed by default: a route that declares neither @Public() nor @Auth() is a
 * bug and is refused outright (the lint rule `local/route-access` catches it before that). For @Auth routes
 * the bearer token is verified and the user loaded afresh, so a removed account stops working at once.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw new Error(`Route ${context.getClass().name}.${context.getHandler().name} declares no access rule`);
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<Request & RequestWithActor>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    if (!token) throw unauthenticated();
    const claims = await this.tokens.verifyAccessToken(token);
    const user = await this.users.findOne({ where: { id: claims.sub }, select: ['id', 'email', 'fullName', 'role'] });
    if (!user) throw unauthenticated('This account no longer exists');
    if (rule.roles.length > 0 && !rule.roles.includes(user.role)) throw forbidden(`Only for: ${rule.roles.join(', ')}`);
    request.actor = { id: user.id, email: user.email, fullName: user.fullName, role: user.role };
    return true;
  }
}
