import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  ENROLLMENT_ROLES,
  INVITATION_STATUSES,
  MIN_PASSWORD_LENGTH,
  type AcceptInvitationRequest,
  type CreateJoinCodeRequest,
  type EnrollmentRole,
  type InvitationPreviewResponse,
  type InvitationResponse,
  type InvitationStatus,
  type JoinCodePreviewResponse,
  type JoinCodeResponse,
  type JoinRequest,
  type JoinResponse,
} from '@pm/contracts';
import { AuthResponseDto } from '@api/auth/dto/auth.dto';

export class InvitationsQuery {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES }) @IsOptional() @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ description: 'The token of the link (`/invite?token=…`)' }) @IsString() @MaxLength(200)
  token!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: 256 })
  @IsString() @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` }) @MaxLength(256)
  password!: string;
}

export class CreateJoinCodeDto implements CreateJoinCodeRequest {
  @ApiProperty({ enum: ENROLLMENT_ROLES }) @IsIn(ENROLLMENT_ROLES, { message: `role must be one of: ${ENROLLMENT_ROLES.join(', ')}` })
  role!: EnrollmentRole;
}

export class JoinDto implements JoinRequest {
  @ApiProperty({ example: 'K7QM-2XPA', description: 'Case, spaces and dashes do not matter' }) @IsString() @MaxLength(32)
  code!: string;
}

export class InvitationResponseDto implements InvitationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ENROLLMENT_ROLES, nullable: true }) role!: EnrollmentRole | null;
  @ApiProperty({ enum: INVITATION_STATUSES }) status!: InvitationStatus;
  @ApiPropertyOptional({ description: 'The secret link; only while pending' }) url?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the link was last mailed' }) sentAt!: string | null;
}

export class InvitationPreviewResponseDto implements InvitationPreviewResponse {
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) programId!: string | null;
  @ApiProperty({ type: String, nullable: true }) programName!: string | null;
  @ApiProperty({ enum: ENROLLMENT_ROLES, nullable: true }) role!: EnrollmentRole | null;
}

export class AcceptInvitationResponseDto extends AuthResponseDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The program the invitation leads to' }) programId!: string | null;
}

export class JoinCodeResponseDto implements JoinCodeResponse {
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'The join page for this code (`/join?code=…`)' }) url!: string;
  @ApiProperty({ enum: ENROLLMENT_ROLES }) role!: EnrollmentRole;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class JoinCodePreviewResponseDto implements JoinCodePreviewResponse {
  @ApiProperty() code!: string;
  @ApiProperty({ format: 'uuid' }) programId!: string;
  @ApiProperty() programName!: string;
  @ApiProperty({ enum: ENROLLMENT_ROLES }) role!: EnrollmentRole;
  @ApiProperty() alreadyEnrolled!: boolean;
}

export class JoinResponseDto implements JoinResponse {
  @ApiProperty({ format: 'uuid' }) programId!: string;
  @ApiProperty({ enum: ENROLLMENT_ROLES }) role!: EnrollmentRole;
}
