import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { SURVEY_WAVES, type SurveySubmission, type SurveyWave, type UpdateSurveyItemsRequest } from '@pm/contracts';
import { NormalizeEmail, Trim } from '@api/users/dto/normalize';
import { SURVEY_LANGUAGES, type SurveyLanguage } from '../survey-defaults';

export class RecordsQuery {
  @ApiPropertyOptional({ description: "One student's records (by email)" })
  @IsOptional() @NormalizeEmail() @IsEmail() @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ description: 'Records whose email or assessment contains this text (case-insensitive)' })
  @IsOptional() @Trim() @IsString() @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, description: 'At most this many (default: all); the total is in the X-Total-Count header' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Skip this many (with limit)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000_000)
  offset?: number;
}

export class ImportQuery {
  @ApiPropertyOptional({ description: 'true: validate and count what the import would do, store nothing' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

export class SurveyItemInput {
  @ApiProperty({ example: 'useful', description: 'Stable short name: lower-case letters, digits and _' })
  @IsString() @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'key must be lower-case letters, digits or _ (at most 40)' })
  key!: string;

  @ApiProperty({ example: 'The mentoring was useful for my studies.' })
  @Trim() @IsString() @MinLength(1) @MaxLength(300) @Matches(/\S/, { message: 'text must not be blank' })
  text!: string;

  @ApiPropertyOptional({ nullable: true, maxLength: 300, description: 'Where the statement comes from; absent or null: written by the program' })
  @IsOptional() @Trim() @IsString() @MaxLength(300)
  source?: string | null;

  @ApiPropertyOptional({ default: false, description: 'Also asked at baseline (before mentoring begins)' })
  @IsOptional() @IsBoolean()
  baseline?: boolean | null;
}

export class UpdateSurveyItemsDto implements UpdateSurveyItemsRequest {
  @ApiProperty({ type: [SurveyItemInput] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsObject({ each: true, message: '$property must hold objects' }) @ValidateNested({ each: true }) @Type(() => SurveyItemInput)
  items!: SurveyItemInput[];
}

export class SurveyAnswerInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  itemId!: string;

  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5)
  value!: number;
}

export class SurveySubmissionDto implements SurveySubmission {
  @ApiPropertyOptional({ enum: SURVEY_WAVES, default: 'end', nullable: true })
  @IsOptional() @IsIn(SURVEY_WAVES)
  wave?: SurveyWave | null;

  @ApiProperty({ type: [SurveyAnswerInput] })
  @IsArray() @ArrayMaxSize(20) @IsObject({ each: true, message: '$property must hold objects' }) @ValidateNested({ each: true }) @Type(() => SurveyAnswerInput)
  answers!: SurveyAnswerInput[];
}

export class SurveyLanguageQueryDto {
  @ApiPropertyOptional({ enum: SURVEY_LANGUAGES, default: 'en', description: 'The language of the default statements, when this read is the first and creates them' })
  @IsOptional() @IsIn(SURVEY_LANGUAGES)
  lang?: SurveyLanguage;
}
