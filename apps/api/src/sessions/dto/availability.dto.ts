import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsObject, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { MAX_BUFFER_MINUTES, type AvailabilityOverride, type AvailabilityRequest, type WeeklyWindow } from '@pm/contracts';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const clockMessage = (field: string): { message: string } => ({ message: `${field} must be a time of day "HH:MM" (00:00-24:00)` });

export class WeeklyWindowDto implements WeeklyWindow {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday' })
  @IsInt() @Min(1) @Max(7)
  weekday!: number;

  @ApiProperty({ example: '09:00' }) @IsString() @Matches(CLOCK, clockMessage('start')) start!: string;
  @ApiProperty({ example: '12:00' }) @IsString() @Matches(CLOCK, clockMessage('end')) end!: string;
}

export class AvailabilityOverrideDto implements AvailabilityOverride {
  @ApiProperty({ example: '2027-03-29', description: "A date in the mentor's time zone" })
  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ description: 'false: a day off (no times); true: an extra window (start and end) on that date' })
  @IsBoolean()
  available!: boolean;

  @ApiPropertyOptional({ example: '18:00' })
  @ValidateIf((o: AvailabilityOverrideDto) => o.available || o.start !== undefined)
  @IsString() @Matches(CLOCK, clockMessage('start'))
  start?: string;

  @ApiPropertyOptional({ example: '21:00' })
  @ValidateIf((o: AvailabilityOverrideDto) => o.available || o.end !== undefined)
  @IsString() @Matches(CLOCK, clockMessage('end'))
  end?: string;
}

export class AvailabilityDto implements AvailabilityRequest {
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone the weekly hours and override dates are read in' })
  @IsString() @MaxLength(64)
  timeZone!: string;

  @ApiProperty({ minimum: 0, maximum: MAX_BUFFER_MINUTES, example: 15, description: 'Minutes kept free before and after every session' })
  @IsInt() @Min(0) @Max(MAX_BUFFER_MINUTES)
  bufferMinutes!: number;

  @ApiProperty({ type: [WeeklyWindowDto] })
  @IsArray() @ArrayMaxSize(100) @IsObject({ each: true, message: '$property must hold objects' }) @ValidateNested({ each: true }) @Type(() => WeeklyWindowDto)
  weekly!: WeeklyWindowDto[];

  @ApiProperty({ type: [AvailabilityOverrideDto] })
  @IsArray() @ArrayMaxSize(500) @IsObject({ each: true, message: '$property must hold objects' }) @ValidateNested({ each: true }) @Type(() => AvailabilityOverrideDto)
  overrides!: AvailabilityOverrideDto[];
}
