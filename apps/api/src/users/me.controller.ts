import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, type ProfileResponse, type UserResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { UserResponseDto } from '@api/auth/dto/auth.dto';
import { ProfileResponseDto, UpdateProfileDto } from './dto/users.dto';
import { UsersService } from './users.service';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Auth()
  @ApiOkResponse({ type: UserResponseDto })
  me(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.me(actor);
  }

  @Get('profile')
  @Auth()
  @ApiOkResponse({ type: ProfileResponseDto })
  profile(@CurrentActor() actor: Actor): Promise<ProfileResponse> {
    return this.users.profile(actor);
  }

  @Put('profile')
  @Auth(Role.Student)
  @ApiOkResponse({ type: ProfileResponseDto })
  updateProfile(@CurrentActor() actor: Actor, @Body() dto: UpdateProfileDto): Promise<ProfileResponse> {
    return this.users.updateProfile(actor, dto);
  }
}
