import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import {
  DEFAULT_MENTOR_CAPACITY,
  ENROLLMENT_ROLES,
  type AddCoordinatorRequest,
  type CreateEnrollmentRequest,
  type CreateProgramRequest,
  type EnrollmentRole,
  type Modality,
  type ProgramRelation,
  type UpdateEnrollmentRequest,
  MODALITIES,
} from '@pm/contracts';
import { Trim } from '@api/users/dto/normalize';

@ValidatorConstraint({ name: 'ianaTimeZone' })
export class IsIanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || value.length === 0) return false;
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'timezone must be an IANA time zone such as Asia/Tehran';
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateProgramDto implements CreateProgramRequest {
  @ApiProperty({ example: 'Preclinical peer mentoring 2026-27' })
  @Trim() @IsString() @MinLength(1) @MaxLength(200) @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ example: 'Asia/Tehran' })
  @IsString() @Validate(IsIanaTimeZone)
  timezone!: string;

  @ApiProperty({ example: '2026-10-01', format: 'date' })
  @Matches(ISO_DATE, { message: 'startsOn must be a date as YYYY-MM-DD' }) @IsISO8601({ strict: true }, { message: 'startsOn must be a real date' })
  startsOn!: string;

  @ApiProperty({ example: '2027-06-30', format: 'date' })
  @Matches(ISO_DATE, { message: 'endsOn must be a date as YYYY-MM-DD' }) @IsISO8601({ strict: true }, { message: 'endsOn must be a real date' })
  endsOn!: string;
}

export class CreateEnrollmentDto implements CreateEnrollmentRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  userId!: string;

  @ApiProperty({ enum: ENROLLMENT_ROLES }) @IsIn(ENROLLMENT_ROLES, { message: `role must be one of: ${ENROLLMENT_ROLES.join(', ')}` })
  role!: EnrollmentRole;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: DEFAULT_MENTOR_CAPACITY, description: 'Mentors only' })
  @IsOptional() @IsInt() @Min(1) @Max(20)
  capacity?: number;
}

export class UpdateEnrollmentDto implements UpdateEnrollmentRequest {
  @ApiProperty({ minimum: 1, maximum: 20, description: 'Mentors only; never below their current number of active mentees (409 CAPACITY_BELOW_LOAD)' })
  @IsInt() @Min(1) @Max(20)
  capacity!: number;
}

export class AddCoordinatorDto implements AddCoordinatorRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  userId!: string;
}

class ProgramCountsDto {
  @ApiProperty() mentors!: number;
  @ApiProperty() mentees!: number;
  @ApiProperty() coordinators!: number;
}

export class ProgramResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the program was closed (read-only since); null while open' }) closedAt!: string | null;
  @ApiProperty({ enum: ['coordinator', 'mentor', 'mentee'], isArray: true }) myRelations!: ProgramRelation[];
  @ApiProperty({ type: ProgramCountsDto }) counts!: ProgramCountsDto;
}

export class EnrollmentResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) programId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: ENROLLMENT_ROLES }) role!: EnrollmentRole;
  @ApiProperty({ type: Number, nullable: true }) capacity!: number | null;
  @ApiProperty() fullName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: Number, nullable: true }) yearOfStudy!: number | null;
  @ApiProperty({ enum: MODALITIES, isArray: true }) modalities!: Modality[];
  @ApiProperty({ description: "Active mentorships in the program: a mentor's current mentees, 0 or 1 for a mentee" }) activeMentorships!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CoordinatorResponseDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() email!: string;
}
