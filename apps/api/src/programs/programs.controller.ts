import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, type CoordinatorResponse, type EnrollmentResponse, type ProgramResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import {
  AddCoordinatorDto,
  CoordinatorResponseDto,
  CreateEnrollmentDto,
  CreateProgramDto,
  EnrollmentResponseDto,
  ProgramResponseDto,
} from './dto/programs.dto';
import { ProgramsService } from './programs.service';

@ApiTags('programs')
@ApiNotFoundResponse({ description: 'No such program, or not one the caller may see' })
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Post()
  @Auth(Role.Coordinator, Role.Admin)
  @ApiCreatedResponse({ type: ProgramResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProgramDto): Promise<ProgramResponse> {
    return this.programs.create(actor, dto);
  }

  @Get()
  @Auth()
  @ApiOkResponse({ type: [ProgramResponseDto], description: "The caller's programs (all of them for admins)" })
  list(@CurrentActor() actor: Actor): Promise<ProgramResponse[]> {
    return this.programs.listMine(actor);
  }

  @Get(':id')
  @Auth()
  @ApiOkResponse({ type: ProgramResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ProgramResponse> {
    return this.programs.get(actor, id);
  }

  @Post(':id/enrollments')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiCreatedResponse({ type: EnrollmentResponseDto })
  @ApiConflictResponse({ description: 'Already enrolled' })
  enroll(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CreateEnrollmentDto): Promise<EnrollmentResponse> {
    return this.programs.enroll(actor, id, dto);
  }

  @Get(':id/enrollments')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOkResponse({ type: [EnrollmentResponseDto] })
  enrollments(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<EnrollmentResponse[]> {
    return this.programs.listEnrollments(actor, id);
  }

  @Post(':id/coordinators')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiCreatedResponse({ type: CoordinatorResponseDto })
  @ApiConflictResponse({ description: 'Already a coordinator' })
  addCoordinator(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AddCoordinatorDto): Promise<CoordinatorResponse> {
    return this.programs.addCoordinator(actor, id, dto);
  }

  @Get(':id/coordinators')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOkResponse({ type: [CoordinatorResponseDto] })
  coordinators(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CoordinatorResponse[]> {
    return this.programs.listCoordinators(actor, id);
  }
}
