import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type CoordinatorResponse, type EnrollmentResponse, type ProgramResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import {
  AddCoordinatorDto,
  CoordinatorResponseDto,
  CreateEnrollmentDto,
  CreateProgramDto,
  EnrollmentResponseDto,
  ProgramResponseDto,
  UpdateEnrollmentDto,
} from './dto/programs.dto';
import { EnrollmentChangesService } from './enrollment-changes.service';
import { ProgramsService } from './programs.service';

@ApiTags('programs')
@ApiNotFoundResponse({ description: 'No such program, or not one the caller may see' })
@Controller('programs')
export class ProgramsController {
  constructor(
    private readonly programs: ProgramsService,
    private readonly enrollmentChanges: EnrollmentChangesService,
  ) {}

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

  @Patch(':id/enrollments/:enrollmentId')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: "Change a mentor's capacity", description: 'Coordinators of the program. Never below the mentees the mentor has now.' })
  @ApiOkResponse({ type: EnrollmentResponseDto })
  @ApiBadRequestResponse({ description: 'CAPACITY_ONLY_FOR_MENTORS: the enrolment is a mentee' })
  @ApiConflictResponse({ description: 'CAPACITY_BELOW_LOAD: lower than the active mentees (the body says how many, `active`)' })
  updateEnrollment(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('enrollmentId') enrollmentId: string,
    @Body() dto: UpdateEnrollmentDto,
  ): Promise<EnrollmentResponse> {
    return this.enrollmentChanges.updateCapacity(actor, id, enrollmentId, dto.capacity);
  }

  @Delete(':id/enrollments/:enrollmentId')
  @Auth(Role.Coordinator, Role.Admin)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Remove a student from the program',
    description:
      'Coordinators of the program. Refused with 409 ENROLLMENT_HAS_ACTIVE_MENTORSHIP while the student is in an active mentorship: end it ' +
      'first. Ended mentorships and their history stay; the student\'s ranking and exclusions naming them are deleted.',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiConflictResponse({ description: 'ENROLLMENT_HAS_ACTIVE_MENTORSHIP' })
  removeEnrollment(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('enrollmentId') enrollmentId: string): Promise<void> {
    return this.enrollmentChanges.remove(actor, id, enrollmentId);
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
