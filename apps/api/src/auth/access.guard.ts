import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { Role } from '@pm/contracts';
import { ACCESS_KEY, type AccessRule, type RequestWithActor } from '@api/common/access.decorators';
import { forbidden, unauthenticated } from './auth.errors';
import { assertSessionCurrent, TokenService } from './token.service';

/**
 * The global guard. Routes are closed by default: a route that declares neither @Public() nor @Auth() is a
 * bug and is refused outright (the lint rule `local/route-access` catches it before that). For @Auth routes
 * the bearer token is verified and the user loaded afresh, so a removed or deactivated account, or a token
 * issued before a password change, stops working at once.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly dataSource: DataSource,
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
    // A plain query: this runs on every signed-in request, and the ORM's entity machinery costs more than the lookup.
    const rows: Array<{ id: string; email: string; full_name: string; role: Role; session_version: number; deactivated_at: Date | null }> = await this.dataSource.query(
      'SELECT id, email, full_name, role, session_version, deactivated_at FROM app_user WHERE id = $1',
      [claims.sub],
    );
    const user = rows[0];
    if (!user) throw unauthenticated('This account no longer exists');
    assertSessionCurrent(claims, { sessionVersion: user.session_version, deactivatedAt: user.deactivated_at });
    if (rule.roles.length > 0 && !rule.roles.includes(user.role)) throw forbidden(`Only for: ${rule.roles.join(', ')}`);
    request.actor = { id: user.id, email: user.email, fullName: user.full_name, role: user.role };
    return true;
  }
}
