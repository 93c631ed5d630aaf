import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class AuditLogQuery {
  @ApiPropertyOptional({ description: 'Only this action, or a family of them with a trailing dot (e.g. `records.`)', example: 'records.read' })
  @IsOptional() @IsString() @MaxLength(64) @Matches(/^[a-z_.]+$/, { message: 'action must be lower-case letters, _ and .' })
  action?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this person did' })
  @IsOptional() @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'From this day (UTC), inclusive' })
  @IsOptional() @Matches(/^(?!0000)\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date as YYYY-MM-DD' }) @IsISO8601({ strict: true }, { message: 'from must be a real date' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Up to this day (UTC), inclusive' })
  @IsOptional() @Matches(/^(?!0000)\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date as YYYY-MM-DD' }) @IsISO8601({ strict: true }, { message: 'to must be a real date' })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 500 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000_000)
  offset?: number;
}
