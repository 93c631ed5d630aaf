import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ACCESS_KEY, type AccessRule, type RequestWithActor } from '@api/common/access.decorators';
import { forbidden, unauthenticated } from './auth.errors';
import { TokenService } from './token.service';

/** The auth scheme is case-insensitive (RFC 7235 §2.1): `Bearer`, `bearer` and `BEARER` all name it. */
const BEARER = /^bearer[ \t]+(\S+)[ \t]*$/i;

export const bearerToken = (header: string | undefined): string | undefined => (header ? BEARER.exec(header)?.[1] : undefined);

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
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw new Error(`Route ${context.getClass().name}.${context.getHandler().name} declares no access rule`);
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithActor>();
    const header = request.headers.authorization;
    const token = bearerToken(header);
    if (!token) throw unauthenticated();
    const { user } = await this.tokens.authenticateAccessToken(token);
    if (rule.roles.length > 0 && !rule.roles.includes(user.role)) throw forbidden(`Only for: ${rule.roles.join(', ')}`);
    request.actor = user;
    return true;
  }
}
