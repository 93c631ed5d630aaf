import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@pm/contracts';

export const ACCESS_KEY = 'pm:access';

export type AccessRule = { kind: 'public' } | { kind: 'auth'; roles: Role[] };

/** Anyone may call this route, signed in or not. Saying so is required: routes are closed by default. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/**
 * A signed-in caller may call this route; with roles, only callers of one of those roles. Finer checks
 * (coordinator of this program, party to this session) belong to the service, which starts with them.
 */
export const Auth = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { kind: 'auth', roles } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, expired or invalid access token' }),
    ...(roles.length > 0 ? [ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')}` })] : []),
  );

/** The signed-in caller, as loaded by the access guard. */
export interface Actor {
  id: string;
  email: string;
  fullName: string;
  role: Role;
}

export interface RequestWithActor {
  actor?: Actor;
}

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  // The guard sets it on every @Auth route; reaching here without it means a route was declared @Public.
  if (!actor) throw new Error('CurrentActor used on a route without @Auth');
  return actor;
});
