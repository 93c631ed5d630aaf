import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, type UserResponse, type UserSummary } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { UserResponseDto } from '@api/auth/dto/auth.dto';
import { CreateUserDto, ListUsersQuery } from './dto/users.dto';
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

  @Get()
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOkResponse({ type: [UserResponseDto] })
  list(@CurrentActor() actor: Actor, @Query() query: ListUsersQuery): Promise<UserSummary[]> {
    return this.users.directory(actor, query);
  }
}
