import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type UserAccountResponse, type UserResponse, type UserSummary } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { UserResponseDto } from '@api/auth/dto/auth.dto';
import { CreateUserDto, ListUsersQuery, UserAccountDto } from './dto/users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Auth(Role.Admin)
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiConflictResponse({ description: 'Email taken' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.createStaff(actor, dto);
  }

  @Post(':id/deactivate')
  @Auth(Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Deactivate an account',
    description:
      'The account can no longer sign in; access tokens it holds stop working at once, its refresh tokens are revoked and its chat ' +
      'connections are closed on every instance. Nothing it owns is deleted. Idempotent.',
  })
  @ApiOkResponse({ type: UserAccountDto })
  @ApiBadRequestResponse({ description: 'CANNOT_DEACTIVATE_SELF' })
  @ApiNotFoundResponse({ description: 'ACCOUNT_NOT_FOUND' })
  deactivate(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<UserAccountResponse> {
    return this.users.deactivate(actor, id);
  }

  @Post(':id/reactivate')
  @Auth(Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reactivate an account', description: 'It may sign in again with its password; tokens issued before the deactivation stay dead. Idempotent.' })
  @ApiOkResponse({ type: UserAccountDto })
  @ApiNotFoundResponse({ description: 'ACCOUNT_NOT_FOUND' })
  reactivate(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<UserAccountResponse> {
    return this.users.reactivate(actor, id);
  }

  @Get()
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOkResponse({ type: [UserAccountDto], description: 'Up to 50 people by name; `deactivatedAt` tells whether each account may sign in' })
  list(@CurrentActor() actor: Actor, @Query() query: ListUsersQuery): Promise<UserSummary[]> {
    return this.users.directory(actor, query);
  }
}
