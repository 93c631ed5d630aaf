import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, type AllocationResponse, type FollowOnResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { AllocationsService } from './allocations.service';
import { CreateAllocationDto, FollowOnDto } from './dto/allocations.dto';

@ApiTags('evaluation')
@ApiNotFoundResponse({ description: 'No such program (or allocation), or not one the caller coordinates' })
@Controller('programs/:id/allocations')
export class AllocationsController {
  constructor(private readonly allocations: AllocationsService) {}

  @Post()
  @Auth(Role.Coordinator, Role.Admin)
  @ApiCreatedResponse({
    description:
      '{id, seed, offered, waitlisted, ...}: mentees ordered by the lowercase hex SHA-256 of `seed + ":" + userId`, ascending; the first `places` are offered. Only offered mentees are matched from then on',
  })
  @ApiConflictResponse({ description: 'ALLOCATION_AFTER_MATCHING: a mentorship exists; ALLOCATION_EXISTS: drawn already; ALLOCATION_NOT_NEEDED: no fewer places than mentees' })
  create(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CreateAllocationDto): Promise<AllocationResponse> {
    return this.allocations.create(actor, id, dto);
  }

  @Get()
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOkResponse({ description: "The program's allocation with every mentee's draw, as a list of zero or one" })
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AllocationResponse[]> {
    return this.allocations.list(actor, id);
  }

  @Post(':allocationId/follow-on')
  @Auth(Role.Coordinator, Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Every waitlisted mentee enrolled as a mentee of the target program (a next round); repeating it enrols nobody twice' })
  @ApiBadRequestResponse({ description: 'FOLLOW_ON_SAME_PROGRAM' })
  followOn(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('allocationId') allocationId: string, @Body() dto: FollowOnDto): Promise<FollowOnResponse> {
    return this.allocations.followOn(actor, id, allocationId, dto.targetProgramId);
  }
}
