import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { MATCHING_ALGORITHMS, MAX_MATCHING_WEIGHT, type MatchingWeights, type CreateMatchingRunRequest, type CreateMentorshipRequest, type EndMentorshipRequest, type ExclusionRequest, type MatchingAlgorithm, type PreferencesRequest } from '@pm/contracts';
import { Trim } from '@api/users/dto/normalize';

const weight = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_MATCHING_WEIGHT, description }),
    IsOptional(),
    IsInt(),
    Min(0),
    Max(MAX_MATCHING_WEIGHT),
  );

export class MatchingWeightsDto implements Partial<MatchingWeights> {
  @weight('Points per interest both list (default 3)') sharedInterest?: number;
  @weight('Points per language both speak (default 2)') sharedLanguage?: number;
  @weight('Points when both give the same campus (default 2)') sameCampus?: number;
  @weight('Points when both can meet in person and virtually (default 1)') modalityBoth?: number;
  @weight('Points per unit of closeness to the ideal two-year gap (default 1)') yearGapIdeal?: number;
}

export class CreateMatchingRunDto implements CreateMatchingRunRequest {
  @ApiProperty({ enum: MATCHING_ALGORITHMS, description: '`optimal`: most mentees matched, then the largest total score. `stable`: no pair who both prefer each other to what they got.' })
  @IsIn(MATCHING_ALGORITHMS, { message: `algorithm must be one of: ${MATCHING_ALGORITHMS.join(', ')}` })
  algorithm!: MatchingAlgorithm;

  @ApiPropertyOptional({ type: MatchingWeightsDto, description: 'Score weights; any left out take their default' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => MatchingWeightsDto)
  weights?: MatchingWeightsDto;
}

export class PreferencesDto implements PreferencesRequest {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Best first; may be partial' })
  @IsArray() @ArrayMaxSize(5000) @IsUUID('all', { each: true })
  rankedUserIds!: string[];
}

export class CreateMentorshipDto implements CreateMentorshipRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() menteeId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() mentorId!: string;

  @ApiPropertyOptional({ format: 'date', description: "The day the pair began (default today in the program's time zone); never after today. Outcomes count a mentee's results as after mentoring only from here" })
  @IsOptional() @IsString()
  // Year 0000 does not exist: PostgreSQL refuses it.
  @Matches(/^(?!0000)\d{4}-\d{2}-\d{2}$/, { message: 'startedOn must be a date as YYYY-MM-DD' }) @IsISO8601({ strict: true }, { message: 'startedOn must be a real date' })
  startedOn?: string;
}

export class ExclusionDto implements ExclusionRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() menteeId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() mentorId!: string;
}

export class EndMentorshipDto implements EndMentorshipRequest {
  @ApiProperty({ example: 'Mentee moved to another campus' })
  @Trim() @IsString() @MinLength(1) @MaxLength(500) @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
