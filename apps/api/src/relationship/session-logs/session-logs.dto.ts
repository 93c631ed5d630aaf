import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { MAX_LOG_MINUTES, MAX_LOG_NOTE_LENGTH, SESSION_TOPICS, type SessionLogRequest, type SessionTopic } from '@pm/contracts';
import { Trim } from '@api/users/dto/normalize';

export class SessionLogDto implements SessionLogRequest {
  @ApiProperty({ enum: SESSION_TOPICS, isArray: true, example: ['exams', 'wellbeing'] })
  @IsArray() @ArrayUnique() @ArrayMaxSize(SESSION_TOPICS.length) @IsIn(SESSION_TOPICS, { each: true, message: `each topic must be one of: ${SESSION_TOPICS.join(', ')}` })
  topics!: SessionTopic[];

  @ApiProperty({ minimum: 1, maximum: MAX_LOG_MINUTES, example: 45 })
  @IsInt() @Min(1) @Max(MAX_LOG_MINUTES)
  minutes!: number;

  @ApiPropertyOptional({ nullable: true, maxLength: MAX_LOG_NOTE_LENGTH, description: 'Private to the pair: coordinators never receive it' })
  @IsOptional() @Trim() @IsString() @MaxLength(MAX_LOG_NOTE_LENGTH)
  note?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid', description: 'A goal of the pair’s agreement worked on' })
  @IsOptional() @IsUUID()
  goalId?: string | null;

  @ApiPropertyOptional({ description: 'Marks goalId achieved' })
  @ValidateIf((o: SessionLogDto) => o.goalAchieved !== undefined) @IsBoolean()
  goalAchieved?: boolean;
}
