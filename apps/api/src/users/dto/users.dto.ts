import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import {
  MAX_YEAR_OF_STUDY,
  MIN_PASSWORD_LENGTH,
  MIN_YEAR_OF_STUDY,
  MODALITIES,
  ROLES,
  STAFF_ROLES,
  type CreateUserRequest,
  type Modality,
  type Role,
  type StaffRole,
  type UpdateProfileRequest,
} from '@pm/contracts';
import { CleanList, NormalizeEmail, Trim } from './normalize';

export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiProperty({ minimum: MIN_YEAR_OF_STUDY, maximum: MAX_YEAR_OF_STUDY })
  @IsInt() @Min(MIN_YEAR_OF_STUDY) @Max(MAX_YEAR_OF_STUDY)
  yearOfStudy!: number;

  @ApiProperty({ type: [String], example: ['cardiology', 'research'] })
  @CleanList() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(60, { each: true })
  interests!: string[];

  @ApiProperty({ type: [String], example: ['English', 'Persian'] })
  @CleanList() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(40, { each: true })
  languages!: string[];

  @ApiProperty({ enum: MODALITIES, isArray: true })
  @IsArray() @ArrayUnique() @IsIn(MODALITIES, { each: true })
  modalities!: Modality[];

  @ApiProperty({ type: String, nullable: true, example: 'North campus' })
  @Trim() @ValidateIf((_o, v) => v !== null) @IsString() @MaxLength(200)
  campus!: string | null;
}

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty() @NormalizeEmail() @IsEmail({}, { message: 'email must be a valid email address' }) @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString() @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` }) @MaxLength(256)
  password!: string;

  @ApiProperty() @Trim() @IsString() @MinLength(1) @MaxLength(200) @Matches(/\S/, { message: 'fullName must not be blank' })
  fullName!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: `role must be one of: ${STAFF_ROLES.join(', ')}` })
  role!: StaffRole;
}

export class ListUsersQuery {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Matches name or email' }) @IsOptional() @Trim() @IsString() @MaxLength(100)
  q?: string;
}

export class ProfileResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: Number, nullable: true }) yearOfStudy!: number | null;
  @ApiProperty({ type: [String] }) interests!: string[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ enum: MODALITIES, isArray: true }) modalities!: Modality[];
  @ApiProperty({ type: String, nullable: true }) campus!: string | null;
}

export class UserAccountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: Number, nullable: true }) yearOfStudy!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When an admin deactivated the account; null while active' })
  deactivatedAt!: string | null;
}
