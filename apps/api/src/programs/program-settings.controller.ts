import { Body, Controller, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type ProgramResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { CloseProgramDto, UpdateProgramDto } from './dto/program-settings.dto';
import { ProgramResponseDto } from './dto/programs.dto';
import { ProgramSettingsService } from './program-settings.service';

@ApiTags('programs')
@ApiNotFoundResponse({ description: 'No such program, or not one the caller coordinates' })
@Controller('programs')
export class ProgramSettingsController {
  constructor(private readonly settings: ProgramSettingsService) {}

  @Patch(':id')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOperation({
    summary: "Edit a program's name, dates or time zone",
    description: 'Moving `startsOn` changes which grades count as before and after mentoring; every change is audited with its old and new values.',
  })
  @ApiOkResponse({ type: ProgramResponseDto })
  @ApiBadRequestResponse({ description: 'endsOn before startsOn (INVALID_DATE_RANGE), or a bad field' })
  @ApiConflictResponse({ description: 'The program is closed (PROGRAM_CLOSED)' })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateProgramDto): Promise<ProgramResponse> {
    return this.settings.update(actor, id, dto);
  }

  @Post(':id/close')
  @Auth(Role.Coordinator, Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close the program: read-only from then on (PROGRAM_CLOSED); its join codes end' })
  @ApiOkResponse({ type: ProgramResponseDto })
  @ApiBadRequestResponse({ description: 'confirmName is not the program name (CLOSE_CONFIRMATION_MISMATCH)' })
  close(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CloseProgramDto): Promise<ProgramResponse> {
    return this.settings.close(actor, id, dto);
  }
}
