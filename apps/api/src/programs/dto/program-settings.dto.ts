import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength, Validate } from 'class-validator';
import type { UpdateProgramRequest } from '@pm/contracts';
import { Trim } from '@api/users/dto/normalize';
import { IsIanaTimeZone } from './programs.dto';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class UpdateProgramDto implements UpdateProgramRequest {
  @ApiPropertyOptional({ example: 'Preclinical peer mentoring 2026-27' })
  @IsOptional() @Trim() @IsString() @MinLength(1) @MaxLength(200) @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Moving it changes which records count as before and after mentoring' })
  @IsOptional() @Matches(ISO_DATE, { message: 'startsOn must be a date as YYYY-MM-DD' }) @IsISO8601({ strict: true }, { message: 'startsOn must be a real date' })
  startsOn?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional() @Matches(ISO_DATE, { message: 'endsOn must be a date as YYYY-MM-DD' }) @IsISO8601({ strict: true }, { message: 'endsOn must be a real date' })
  endsOn?: string;

  @ApiPropertyOptional({ example: 'Asia/Tehran' })
  @IsOptional() @IsString() @Validate(IsIanaTimeZone)
  timezone?: string;
}

export class CloseProgramDto {
  @ApiProperty({ description: 'The program name exactly as shown: closing cannot be undone from the dashboard' })
  @IsString() @MaxLength(200)
  confirmName!: string;
}
