import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, Equals, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import {
  DEFAULT_NOTIFICATION_LIMIT,
  MAX_NOTIFICATION_LIMIT,
  NOTIFICATION_KINDS,
  NOTIFICATION_LANGUAGES,
  type FailedMail,
  type Notification,
  type NotificationKind,
  type NotificationLanguage,
  type NotificationSettings,
  type NotificationsQuery,
  type UnreadNotificationsResponse,
} from '@pm/contracts';

const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class NotificationsQueryDto implements NotificationsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_NOTIFICATION_LIMIT, default: DEFAULT_NOTIFICATION_LIMIT })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(MAX_NOTIFICATION_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The oldest notification already shown: the page holds those just before it' })
  @IsOptional() @IsUUID()
  before?: string;
}

/** `{ids: [...]}` marks those (the caller's only; others' are ignored), `{all: true}` every one of the caller's. */
export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 500 })
  @ValidateIf((o: MarkReadDto) => o.all === undefined) @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional({ enum: [true] })
  @IsOptional() @Equals(true)
  all?: true;
}

export class NotificationSettingsDto implements NotificationSettings {
  @ApiProperty({ description: 'Also send each notification by e-mail' })
  @IsBoolean()
  email!: boolean;

  @ApiProperty({ enum: NOTIFICATION_LANGUAGES, description: 'Language of notifications and mails' })
  @IsIn([...NOTIFICATION_LANGUAGES])
  language!: NotificationLanguage;
}

export class NotificationDto implements Notification {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ description: "In the recipient's language, times in the program's time zone" }) title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ description: 'A path of the dashboard, e.g. /sessions/<id>' }) link!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt!: string | null;
}

export class UnreadNotificationsDto implements UnreadNotificationsResponse {
  @ApiProperty({ description: "How many of the caller's notifications are unread" }) unread!: number;
}

export class FailedMailDto implements FailedMail {
  @ApiProperty({ format: 'uuid' }) notificationId!: string;
  @ApiProperty({ format: 'uuid' }) recipientId!: string;
  @ApiProperty() recipientEmail!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
