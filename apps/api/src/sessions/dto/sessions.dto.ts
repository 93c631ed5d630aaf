import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import {
  ATTENDANCES,
  MAX_SEAT_LIMIT,
  MAX_SERIES_OCCURRENCES,
  MODALITIES,
  Modality,
  SessionStatus,
  type Attendance,
  type AttendanceRequest,
  type CreateSessionRequest,
  type UpdateSessionRequest,
} from '@pm/contracts';
import { Trim } from '@api/users/dto/normalize';
import { IsIsoInstant } from './iso-instant';

const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class CreateSessionDto implements CreateSessionRequest {
  @ApiProperty({ format: 'uuid', description: 'A mentorship of which the caller is the mentor or the mentee; anyone else gets 404' })
  @IsUUID()
  mentorshipId!: string;

  @ApiProperty({ example: '2027-03-29T10:00:00+02:00', description: 'ISO 8601 with an offset; in the future' })
  @IsIsoInstant()
  startsAt!: string;

  @ApiProperty({ example: '2027-03-29T11:00:00+02:00', description: 'ISO 8601 with an offset; after startsAt and at most 24 hours later' })
  @IsIsoInstant()
  endsAt!: string;

  @ApiProperty({ enum: MODALITIES, description: '`in_person` needs a location; `virtual` gets a meetingUrl' })
  @IsIn(MODALITIES, { message: `modality must be one of: ${MODALITIES.join(', ')}` })
  modality!: Modality;

  @ApiPropertyOptional({ example: 'Anatomy building, room 2.14', description: 'Required for in_person, refused for virtual' })
  @ValidateIf((o: CreateSessionDto) => o.modality === Modality.InPerson || o.location !== undefined)
  @Trim() @IsString() @MinLength(1, { message: 'location is required for an in_person session' }) @MaxLength(300)
  location?: string;

  @ApiPropertyOptional({ example: 'Exam preparation: cardiology' })
  @IsOptional() @Trim() @IsString() @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SEAT_LIMIT, description: 'Mentor only: seats of a group session (default: one per mentee named)' })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_SEAT_LIMIT)
  seatLimit?: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Mentor only: other active mentorships of theirs whose mentees attend this group session' })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_SEAT_LIMIT - 1) @IsUUID('all', { each: true })
  additionalMentorshipIds?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SERIES_OCCURRENCES, description: 'A weekly series of this many occurrences at the same local time, booked all or nothing' })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_SERIES_OCCURRENCES)
  weeklyOccurrences?: number;
}

export class UpdateSessionDto implements UpdateSessionRequest {
  @ApiPropertyOptional({ enum: [SessionStatus.Cancelled], description: 'Cancel the session (it stays in calendars as cancelled)' })
  @IsOptional() @IsIn([SessionStatus.Cancelled], { message: 'status can only be set to cancelled' })
  status?: typeof SessionStatus.Cancelled;

  @ApiPropertyOptional({ example: 'Exam moved', description: 'Why it was cancelled; shown to the other participants' })
  @IsOptional() @Trim() @IsString() @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({ example: '2027-03-30T10:00:00+02:00', description: 'Reschedule: with endsAt' })
  @ValidateIf((o: UpdateSessionDto) => o.startsAt !== undefined || o.endsAt !== undefined)
  @IsIsoInstant({ message: 'startsAt and endsAt go together, as ISO 8601 with an offset' })
  startsAt?: string;

  @ApiPropertyOptional({ example: '2027-03-30T11:00:00+02:00', description: 'Reschedule: with startsAt' })
  @ValidateIf((o: UpdateSessionDto) => o.startsAt !== undefined || o.endsAt !== undefined)
  @IsIsoInstant({ message: 'startsAt and endsAt go together, as ISO 8601 with an offset' })
  endsAt?: string;

  @ApiPropertyOptional({ description: 'A new room for an in_person session' })
  @IsOptional() @Trim() @IsString() @MinLength(1) @MaxLength(300)
  location?: string;
}

export class AttendanceRecordDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() menteeId!: string;
  @ApiProperty({ enum: ATTENDANCES }) @IsIn(ATTENDANCES, { message: `attendance must be one of: ${ATTENDANCES.join(', ')}` }) attendance!: Attendance;
}

export class AttendanceDto implements AttendanceRequest {
  @ApiProperty({ type: [AttendanceRecordDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_SEAT_LIMIT) @IsObject({ each: true, message: '$property must hold objects' }) @ValidateNested({ each: true }) @Type(() => AttendanceRecordDto)
  records!: AttendanceRecordDto[];
}

export class MySessionsQueryDto {
  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z', description: 'Sessions ending after this instant' })
  @IsOptional() @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2027-07-01T00:00:00Z', description: 'Sessions starting before this instant' })
  @IsOptional() @IsIsoInstant()
  to?: string;

  @ApiPropertyOptional({ enum: ['scheduled', 'cancelled'] })
  @IsOptional() @IsIn(['scheduled', 'cancelled'])
  status?: SessionStatus;
}

export class SlotsQueryDto {
  @ApiProperty({ example: '2027-03-22T00:00:00+01:00', description: 'Start of the range, ISO 8601 with an offset' })
  @IsIsoInstant()
  from!: string;

  @ApiProperty({ example: '2027-04-05T00:00:00+02:00', description: 'End of the range (at most 62 days after from)' })
  @IsIsoInstant()
  to!: string;

  @ApiPropertyOptional({ example: 'America/New_York', description: "IANA zone to express the slots in (default: the program's)" })
  @IsOptional() @IsString() @MaxLength(64) @Matches(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, { message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone?: string;

  @ApiPropertyOptional({ minimum: 15, maximum: 480, default: 60 })
  @IsOptional() @Transform(toInt) @IsInt() @Min(15) @Max(480)
  durationMinutes?: number;

  @ApiPropertyOptional({ minimum: 5, maximum: 240, default: 30, description: 'Grid of slot starts, from the start of each open window' })
  @IsOptional() @Transform(toInt) @IsInt() @Min(5) @Max(240)
  stepMinutes?: number;
}
