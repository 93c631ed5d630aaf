import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  FORUM_BODY_MAX,
  FORUM_MAX_TAGS,
  FORUM_PAGE_DEFAULT,
  FORUM_PAGE_MAX,
  FORUM_REPLY_MAX,
  FORUM_REPORT_REASON_MAX,
  FORUM_TAGS,
  FORUM_TITLE_MAX,
  type AcceptForumReplyRequest,
  type CreateForumReplyRequest,
  type CreateForumThreadRequest,
  type ForumAuthor,
  type ForumReply,
  type ForumReport,
  type ForumTag,
  type ForumThread,
  type ForumThreadDetail,
  type PinForumThreadRequest,
  type ReportForumPostRequest,
} from '@pm/contracts';
import { Trim } from '@api/users/dto/normalize';

const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
const toBool = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);
const NOT_BLANK = /\S/;

export class CreateForumThreadDto implements CreateForumThreadRequest {
  @ApiProperty({ maxLength: FORUM_TITLE_MAX })
  @Trim() @IsString() @MinLength(1) @MaxLength(FORUM_TITLE_MAX) @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @ApiProperty({ maxLength: FORUM_BODY_MAX, description: 'Plain text, stored as written; shown as text, never as HTML' })
  @IsString() @MinLength(1) @MaxLength(FORUM_BODY_MAX) @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body!: string;

  @ApiPropertyOptional({ default: false, description: 'Students see "anonymous mentee"; coordinators see the author' })
  @IsOptional() @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ enum: FORUM_TAGS, isArray: true, maxItems: FORUM_MAX_TAGS })
  @IsOptional() @IsArray() @ArrayMaxSize(FORUM_MAX_TAGS) @IsIn(FORUM_TAGS, { each: true, message: `each tag must be one of: ${FORUM_TAGS.join(', ')}` })
  tags?: ForumTag[];
}

export class CreateForumReplyDto implements CreateForumReplyRequest {
  @ApiProperty({ maxLength: FORUM_REPLY_MAX })
  @IsString() @MinLength(1) @MaxLength(FORUM_REPLY_MAX) @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body!: string;
}

export class AcceptForumReplyDto implements AcceptForumReplyRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  replyId!: string;
}

export class PinForumThreadDto implements PinForumThreadRequest {
  @ApiProperty() @IsBoolean()
  pinned!: boolean;
}

export class ReportForumPostDto implements ReportForumPostRequest {
  @ApiProperty({ maxLength: FORUM_REPORT_REASON_MAX })
  @Trim() @IsString() @MinLength(1) @MaxLength(FORUM_REPORT_REASON_MAX) @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;
}

export class ForumThreadsQueryDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Words of titles, bodies and replies, Persian and English alike' })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: FORUM_PAGE_MAX, default: FORUM_PAGE_DEFAULT })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(FORUM_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'A thread id: the page holds the threads just older than it' })
  @IsOptional() @IsUUID()
  before?: string;

  @ApiPropertyOptional({ enum: FORUM_TAGS })
  @IsOptional() @IsIn(FORUM_TAGS)
  tag?: ForumTag;

  @ApiPropertyOptional({ description: 'Only threads nobody has replied to yet' })
  @IsOptional() @Transform(toBool) @IsBoolean()
  unanswered?: boolean;

  @ApiPropertyOptional({ description: "Only pinned threads (the program's resource list), or only unpinned ones" })
  @IsOptional() @Transform(toBool) @IsBoolean()
  pinned?: boolean;
}

export class ForumAuthorDto implements ForumAuthor {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ['mentee', 'mentor', 'coordinator'] }) role!: ForumAuthor['role'];
}

export class ForumThreadDto implements ForumThread {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) programId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ enum: FORUM_TAGS, isArray: true }) tags!: ForumTag[];
  @ApiProperty({ type: ForumAuthorDto, nullable: true, description: 'null for an anonymous thread shown to a student' }) author!: ForumAuthor | null;
  @ApiProperty() anonymous!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() replyCount!: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) acceptedReplyId!: string | null;
  @ApiProperty() pinned!: boolean;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: 'Coordinators only' }) hiddenAt?: string | null;
  @ApiProperty() canAccept!: boolean;
  @ApiProperty() mine!: boolean;
}

export class ForumReplyDto implements ForumReply {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) threadId!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: ForumAuthorDto }) author!: ForumAuthor;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: 'Coordinators only' }) hiddenAt?: string | null;
}

export class ForumThreadDetailDto extends ForumThreadDto implements ForumThreadDetail {
  @ApiProperty({ type: [ForumReplyDto] }) replies!: ForumReply[];
}

export class ForumReportDto implements ForumReport {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) postId!: string;
  @ApiProperty({ format: 'uuid' }) threadId!: string;
  @ApiProperty({ enum: ['thread', 'reply'] }) postKind!: 'thread' | 'reply';
  @ApiProperty() excerpt!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() reporter!: { id: string; fullName: string };
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) postHiddenAt!: string | null;
}
