import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_REFERRAL_MESSAGE_LENGTH, MAX_REFERRAL_NOTE_LENGTH, REFERRAL_URGENCIES, type CloseReferralRequest, type CreateReferralRequest, type ReferralUrgency } from '@pm/contracts';
import { Trim } from '@api/users/dto/normalize';

export class CreateReferralDto implements CreateReferralRequest {
  @ApiProperty({ maxLength: MAX_REFERRAL_MESSAGE_LENGTH, description: 'What the student needs; read by the program’s coordinators only' })
  @Trim() @IsString() @MinLength(1) @MaxLength(MAX_REFERRAL_MESSAGE_LENGTH)
  message!: string;

  @ApiPropertyOptional({ enum: REFERRAL_URGENCIES, default: 'routine', nullable: true, description: 'Absent or null: routine' })
  @IsOptional() @IsIn(REFERRAL_URGENCIES)
  urgency?: ReferralUrgency | null;
}

export class CloseReferralDto implements CloseReferralRequest {
  @ApiProperty({ maxLength: MAX_REFERRAL_NOTE_LENGTH, description: 'What was done; kept with the referral' })
  @Trim() @IsString() @MinLength(1) @MaxLength(MAX_REFERRAL_NOTE_LENGTH)
  note!: string;
}
