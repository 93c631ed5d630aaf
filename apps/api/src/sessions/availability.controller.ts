import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AvailabilityResponse, SlotsResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { AvailabilityDto } from './dto/availability.dto';
import { AvailabilityResponseDto, SlotsResponseDto } from './dto/responses.dto';
import { SlotsQueryDto } from './dto/sessions.dto';
import { AvailabilityService } from './availability.service';

@ApiTags('availability')
@Controller()
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get('me/availability')
  @Auth()
  @ApiOperation({ summary: 'The caller’s own availability as a mentor (`published: false` until the first PUT)' })
  @ApiOkResponse({ type: AvailabilityResponseDto })
  mine(@CurrentActor() actor: Actor): Promise<AvailabilityResponse> {
    return this.availability.mine(actor);
  }

  @Put('me/availability')
  @Auth()
  @ApiOperation({
    summary: 'Publish weekly hours, date overrides and a buffer',
    description:
      'Replaces the whole availability. Weekly windows are read in `timeZone` on each date with that date’s own offset, so hours stay put across daylight-saving changes. ' +
      'An override `{date, available: false}` is a day off; `{date, available: true, start, end}` adds a window (both together replace a day). ' +
      'Once published, mentees book only inside it, keeping `bufferMinutes` free around each session.',
  })
  @ApiOkResponse({ type: AvailabilityResponseDto })
  @ApiBadRequestResponse({ description: 'Unknown time zone, a window whose end is not after its start, a date that does not exist' })
  publish(@CurrentActor() actor: Actor, @Body() dto: AvailabilityDto): Promise<AvailabilityResponse> {
    return this.availability.publish(actor, dto);
  }

  @Delete('me/availability')
  @Auth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Withdraw the availability: mentees may book any free time again' })
  @ApiNoContentResponse()
  async unpublish(@CurrentActor() actor: Actor): Promise<void> {
    await this.availability.unpublish(actor);
  }

  @Get('mentorships/:id/slots')
  @Auth()
  @ApiOperation({
    summary: 'Bookable slots of the mentorship’s mentor, in the viewer’s time zone',
    description: 'Open windows minus the sessions of the mentor (widened by the buffer) and of the mentee, on a grid of `stepMinutes` from each window’s start. Range at most 62 days.',
  })
  @ApiOkResponse({ type: SlotsResponseDto })
  @ApiBadRequestResponse({ description: 'to not after from, a range over 62 days, an unknown time zone' })
  @ApiNotFoundResponse({ description: 'The mentorship does not exist or is not the caller’s' })
  slots(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() q: SlotsQueryDto): Promise<SlotsResponse> {
    return this.availability.slots(actor, id, q);
  }
}
