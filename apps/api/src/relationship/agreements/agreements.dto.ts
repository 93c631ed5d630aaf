import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import {
  MAX_AGREEMENT_GOALS,
  MAX_CONFIDENTIALITY_LENGTH,
  MAX_GOAL_LENGTH,
  MAX_MEETINGS_PER_MONTH,
  MIN_MEETINGS_PER_MONTH,
  type AgreementTemplate,
  type SetGoalAchievedRequest,
  type SignAgreementRequest,
  type UpdateAgreementRequest,
} from '@pm/contracts';
import { CleanList, Trim } from '@api/users/dto/normalize';

export class UpdateAgreementDto implements UpdateAgreementRequest {
  @ApiProperty({ type: [String], example: ['Pass the anatomy block', 'Build a weekly study routine'], description: `1-${MAX_AGREEMENT_GOALS} goals, each up to ${MAX_GOAL_LENGTH} characters; blank and repeated ones are dropped` })
  @CleanList() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_AGREEMENT_GOALS) @IsString({ each: true }) @MaxLength(MAX_GOAL_LENGTH, { each: true })
  goals!: string[];

  @ApiProperty({ minimum: MIN_MEETINGS_PER_MONTH, maximum: MAX_MEETINGS_PER_MONTH, example: 2 })
  @IsInt() @Min(MIN_MEETINGS_PER_MONTH) @Max(MAX_MEETINGS_PER_MONTH)
  meetingsPerMonth!: number;
}

export class SignAgreementDto implements SignAgreementRequest {
  @ApiPropertyOptional({ description: 'The version the signer read; a newer one answers 409 AGREEMENT_CHANGED' })
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class SetGoalAchievedDto implements SetGoalAchievedRequest {
  @ApiProperty()
  @IsBoolean()
  achieved!: boolean;
}

class LocalizedGoalsDto {
  @ApiProperty({ type: [String] })
  @CleanList() @IsArray() @ArrayMaxSize(MAX_AGREEMENT_GOALS) @IsString({ each: true }) @MaxLength(MAX_GOAL_LENGTH, { each: true })
  en!: string[];

  @ApiProperty({ type: [String] })
  @CleanList() @IsArray() @ArrayMaxSize(MAX_AGREEMENT_GOALS) @IsString({ each: true }) @MaxLength(MAX_GOAL_LENGTH, { each: true })
  fa!: string[];
}

class LocalizedTextDto {
  @ApiProperty()
  @Trim() @IsString() @MinLength(1) @MaxLength(MAX_CONFIDENTIALITY_LENGTH)
  en!: string;

  @ApiProperty()
  @Trim() @IsString() @MinLength(1) @MaxLength(MAX_CONFIDENTIALITY_LENGTH)
  fa!: string;
}

export class AgreementTemplateDto implements AgreementTemplate {
  @ApiProperty({ type: LocalizedGoalsDto, description: 'Suggested goals in English and in Persian' })
  @IsObject() @ValidateNested() @Type(() => LocalizedGoalsDto)
  goals!: LocalizedGoalsDto;

  @ApiProperty({ minimum: MIN_MEETINGS_PER_MONTH, maximum: MAX_MEETINGS_PER_MONTH })
  @IsInt() @Min(MIN_MEETINGS_PER_MONTH) @Max(MAX_MEETINGS_PER_MONTH)
  meetingsPerMonth!: number;

  @ApiProperty({ type: LocalizedTextDto, description: 'The confidentiality statement, in English and in Persian' })
  @IsObject() @ValidateNested() @Type(() => LocalizedTextDto)
  confidentiality!: LocalizedTextDto;
}
