import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ALLOCATION_SEED_MAX_LENGTH, ALLOCATION_STRATA, type AllocationStratification, type CreateAllocationRequest, type FollowOnRequest } from '@pm/contracts';

export class CreateAllocationDto implements CreateAllocationRequest {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Places to offer; fewer than the mentees enrolled' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  places!: number;

  @ApiPropertyOptional({
    maxLength: ALLOCATION_SEED_MAX_LENGTH,
    description: 'Any text, used exactly as sent (no trimming); drawn at random by the server when left out. Mentees are ordered by the lowercase hex SHA-256 of `seed + ":" + userId`',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(ALLOCATION_SEED_MAX_LENGTH)
  // No control characters: the seed is printed in the report for anyone to type again.
  // eslint-disable-next-line no-control-regex
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'seed must not contain control characters' })
  seed?: string;

  @ApiPropertyOptional({ enum: ALLOCATION_STRATA, default: 'none', description: '`year_of_study`: places shared between years in proportion to their size (largest remainder; docs/outcomes.md)' })
  @IsOptional()
  @IsIn(ALLOCATION_STRATA)
  stratifyBy?: AllocationStratification;
}

export class FollowOnDto implements FollowOnRequest {
  @ApiProperty({ format: 'uuid', description: 'A program the caller coordinates, other than this one' })
  @IsUUID()
  targetProgramId!: string;
}
