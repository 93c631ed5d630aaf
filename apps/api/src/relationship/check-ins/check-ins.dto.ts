import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_CHECK_IN_COMMENT_LENGTH, type CheckInRequest } from '@pm/contracts';
import { Trim } from '@api/users/dto/normalize';

export class CheckInDto implements CheckInRequest {
  @ApiProperty({ minimum: 1, maximum: 5, description: '“How is your mentoring going?” 1 (badly) to 5 (very well); 2 or less puts the pair at risk' })
  @IsInt() @Min(1) @Max(5)
  rating!: number;

  @ApiPropertyOptional({ nullable: true, maxLength: MAX_CHECK_IN_COMMENT_LENGTH })
  @IsOptional() @Trim() @IsString() @MaxLength(MAX_CHECK_IN_COMMENT_LENGTH)
  comment?: string | null;
}
