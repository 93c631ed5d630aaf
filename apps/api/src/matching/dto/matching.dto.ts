import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MATCHING_ALGORITHMS, type CreateMatchingRunRequest, type CreateMentorshipRequest, type EndMentorshipRequest, type ExclusionRequest, type MatchingAlgorithm, type PreferencesRequest } from '@pm/contracts';
import { Trim } from '@api/users/dto/normalize';

export class CreateMatchingRunDto implements CreateMatchingRunRequest {
  @ApiProperty({ enum: MATCHING_ALGORITHMS, description: '`optimal`: most mentees matched, then the largest total score. `stable`: no pair who both prefer each other to what they got.' })
  @IsIn(MATCHING_ALGORITHMS, { message: `algorithm must be one of: ${MATCHING_ALGORITHMS.join(', ')}` })
  algorithm!: MatchingAlgorithm;
}

export class PreferencesDto implements PreferencesRequest {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Best first; may be partial' })
  @IsArray() @ArrayMaxSize(5000) @IsUUID('all', { each: true })
  rankedUserIds!: string[];
}

export class CreateMentorshipDto implements CreateMentorshipRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() menteeId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() mentorId!: string;
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
