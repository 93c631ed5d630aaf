import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, type MentorshipResponse, type MyMentorshipResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { CreateMentorshipDto, EndMentorshipDto } from './dto/matching.dto';
import { MentorshipsService } from './mentorships.service';

@ApiTags('matching')
@Controller()
export class MentorshipsController {
  constructor(private readonly mentorships: MentorshipsService) {}

  @Post('programs/:id/mentorships')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiCreatedResponse({ description: 'A manual match' })
  @ApiBadRequestResponse({ description: 'Not enrolled on that side, a hard rule broken (year, modality, exclusion), or startedOn after today (MENTORSHIP_START_IN_FUTURE)' })
  @ApiConflictResponse({ description: "Past the mentor's capacity, or the mentee already has a mentor" })
  create(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CreateMentorshipDto): Promise<MentorshipResponse> {
    return this.mentorships.create(actor, id, dto.menteeId, dto.mentorId, dto.startedOn);
  }

  @Get('programs/:id/mentorships')
  @Auth(Role.Coordinator, Role.Admin)
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<MentorshipResponse[]> {
    return this.mentorships.list(actor, id);
  }

  @Post('programs/:id/mentorships/:mentorshipId/end')
  @Auth(Role.Coordinator, Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'The mentorship, ended with the reason' })
  end(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('mentorshipId') mentorshipId: string, @Body() dto: EndMentorshipDto): Promise<MentorshipResponse> {
    return this.mentorships.end(actor, id, mentorshipId, dto.reason);
  }

  @Get('me/mentorships')
  @Auth(Role.Student)
  @ApiOkResponse({ description: 'The caller’s own mentorships, as mentor or mentee, with the other person’s name' })
  mine(@CurrentActor() actor: Actor): Promise<MyMentorshipResponse[]> {
    return this.mentorships.mine(actor);
  }
}
