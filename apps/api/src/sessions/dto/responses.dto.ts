import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ATTENDANCES,
  MODALITIES,
  SESSION_STATUSES,
  type Attendance,
  type AvailabilityResponse,
  type CreateSessionResponse,
  type Modality,
  type SessionAttendee,
  type SessionPerson,
  type SessionResponse,
  type SessionStatus,
  type Slot,
  type SlotsResponse,
} from '@pm/contracts';
import { AvailabilityOverrideDto, WeeklyWindowDto } from './availability.dto';

// Classes only for the OpenAPI document: services answer the plain contract types these implement.

export class SessionPersonDto implements SessionPerson {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
}

export class SessionAttendeeDto extends SessionPersonDto implements SessionAttendee {
  @ApiProperty({ format: 'uuid' }) mentorshipId!: string;
  @ApiProperty({ description: 'False once the mentee left a group session' }) active!: boolean;
  @ApiProperty({ enum: ATTENDANCES, nullable: true, description: 'Marked by the mentor once the session began' }) attendance!: Attendance | null;
}

export class SessionResponseDto implements SessionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status!: SessionStatus;
  @ApiProperty({ format: 'uuid' }) mentorshipId!: string;
  @ApiProperty({ format: 'uuid' }) programId!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ example: '2027-03-29T08:00:00.000Z' }) startsAt!: string;
  @ApiProperty({ example: '2027-03-29T09:00:00.000Z' }) endsAt!: string;
  @ApiProperty({ enum: MODALITIES }) modality!: Modality;
  @ApiProperty({ nullable: true, type: String }) location!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'https://meet.jit.si/pm-3f9c…', description: 'Virtual sessions: the video-call link, with an unguessable room name' })
  meetingUrl!: string | null;
  @ApiProperty({ description: '1 for a one-to-one session' }) seatLimit!: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) seriesId!: string | null;
  @ApiProperty({ description: 'Raised on every change; the SEQUENCE of the calendar event' }) sequence!: number;
  @ApiProperty({ type: SessionPersonDto }) mentor!: SessionPersonDto;
  @ApiProperty({ type: [SessionAttendeeDto] }) attendees!: SessionAttendeeDto[];
  @ApiProperty({ enum: ['mentor', 'mentee'] }) myRole!: 'mentor' | 'mentee';
  @ApiProperty({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class OccurrenceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
}

export class CreateSessionResponseDto extends SessionResponseDto implements CreateSessionResponse {
  @ApiProperty({ type: [OccurrenceDto], description: 'Every occurrence booked (one unless weeklyOccurrences was given)' }) occurrences!: OccurrenceDto[];
}

export class AvailabilityResponseDto implements AvailabilityResponse {
  @ApiProperty({ description: 'False until the mentor publishes; then mentees may book only inside it' }) published!: boolean;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone!: string;
  @ApiProperty() bufferMinutes!: number;
  @ApiProperty({ type: [WeeklyWindowDto] }) weekly!: WeeklyWindowDto[];
  @ApiProperty({ type: [AvailabilityOverrideDto] }) overrides!: AvailabilityOverrideDto[];
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}

export class SlotDto implements Slot {
  @ApiProperty({ example: '2027-03-29T03:00:00-04:00' }) startsAt!: string;
  @ApiProperty({ example: '2027-03-29T04:00:00-04:00' }) endsAt!: string;
}

export class SlotsResponseDto implements SlotsResponse {
  @ApiProperty({ example: 'America/New_York' }) timeZone!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Europe/Berlin' }) mentorTimeZone!: string | null;
  @ApiProperty({ description: 'False: the mentor published no availability, so no slots are listed and any free time may be booked (see busy)' })
  published!: boolean;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty({ type: [SlotDto] }) slots!: SlotDto[];
  @ApiPropertyOptional({ type: [SlotDto], description: "Times already taken by the mentor (widened by their buffer) or by the mentee, in the range" })
  busy!: SlotDto[];
}
