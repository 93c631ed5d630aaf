import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MAX_YEAR_OF_STUDY, MIN_PASSWORD_LENGTH, MIN_YEAR_OF_STUDY, Role, type ChangePasswordRequest, type LoginRequest, type RefreshRequest, type RegisterRequest } from '@pm/contracts';
import { NormalizeEmail, Trim } from '@api/users/dto/normalize';

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: 'sara@uni.example' })
  @NormalizeEmail() @IsEmail({}, { message: 'email must be a valid email address' }) @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: 256 })
  @IsString() @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` }) @MaxLength(256)
  password!: string;

  @ApiProperty({ example: 'Sara Ahmadi' })
  @Trim() @IsString() @MinLength(1) @MaxLength(200) @Matches(/\S/, { message: 'fullName must not be blank' })
  fullName!: string;

  @ApiProperty({ minimum: MIN_YEAR_OF_STUDY, maximum: MAX_YEAR_OF_STUDY })
  @IsInt() @Min(MIN_YEAR_OF_STUDY) @Max(MAX_YEAR_OF_STUDY)
  yearOfStudy!: number;
}

export class LoginDto implements LoginRequest {
  @ApiProperty() @NormalizeEmail() @IsString() @MaxLength(254)
  email!: string;

  @ApiProperty() @IsString() @MaxLength(256)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ description: 'The password in use now' })
  @IsString() @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: 256 })
  @IsString() @MinLength(MIN_PASSWORD_LENGTH, { message: `newPassword must be at least ${MIN_PASSWORD_LENGTH} characters` }) @MaxLength(256)
  newPassword!: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty() @IsString() @MaxLength(200)
  refreshToken!: string;
}

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: Object.values(Role) }) role!: Role;
  @ApiProperty({ type: Number, nullable: true }) yearOfStudy!: number | null;
}

export class AuthResponseDto {
  @ApiProperty({ type: UserResponseDto }) user!: UserResponseDto;
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Single use: each refresh spends it and returns a new one' }) refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
}
