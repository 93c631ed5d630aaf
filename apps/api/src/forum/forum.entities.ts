import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { FORUM_BODY_MAX, FORUM_REPLY_MAX, FORUM_REPORT_REASON_MAX, FORUM_TITLE_MAX } from '@pm/contracts';
import { ProgramEntity } from '@api/programs/program.entity';
import { UserEntity } from '@api/users/user.entity';

// The search indexes (GIN over `search_doc`, trigram over the normalised title) and the `forum_normalize`
// function live in the migration: TypeORM cannot describe them, so they are declared here with
// `synchronize: false`, which keeps the drift check from dropping them.

@Entity('forum_thread')
@Index('forum_thread_program_created_idx', ['programId', 'createdAt'])
@Index('forum_thread_search_idx', { synchronize: false })
@Index('forum_thread_title_trgm_idx', { synchronize: false })
@Check('forum_thread_title_length', `char_length(title) BETWEEN 1 AND ${FORUM_TITLE_MAX}`)
@Check('forum_thread_body_length', `char_length(body) BETWEEN 1 AND ${FORUM_BODY_MAX}`)
export class ForumThreadEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  programId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Index('forum_thread_author_idx')
  @Column('uuid')
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'varchar', length: FORUM_TITLE_MAX })
  title!: string;

  /** Stored exactly as written; the dashboard renders it as text. */
  @Column('text')
  body!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  /** Shown to students as "anonymous mentee" (its author included); coordinators see who wrote it. */
  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  @Column({ type: 'boolean', default: false })
  pinned!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt!: Date | null;

  /** The reply its author or a coordinator marked as the answer; cleared if that reply is deleted. */
  @Column({ type: 'uuid', nullable: true })
  acceptedReplyId!: string | null;

  @ManyToOne(() => ForumReplyEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_reply_id' })
  // Relation<> keeps the decorator metadata from naming a class defined further down (the two refer to each other).
  acceptedReply?: Relation<ForumReplyEntity>;

  /** Title and body, normalised (see forum_normalize in the migration), as words for full-text search. */
  @Column({ type: 'tsvector', select: false })
  searchDoc!: string;

  /** The title normalised, for substring search through a trigram index (a half-typed word). */
  @Column({ type: 'text', select: false })
  searchTitle!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('forum_reply')
@Index('forum_reply_thread_created_idx', ['threadId', 'createdAt'])
@Index('forum_reply_search_idx', { synchronize: false })
@Check('forum_reply_body_length', `char_length(body) BETWEEN 1 AND ${FORUM_REPLY_MAX}`)
export class ForumReplyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  threadId!: string;

  @ManyToOne(() => ForumThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: ForumThreadEntity;

  @Index('forum_reply_author_idx')
  @Column('uuid')
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column('text')
  body!: string;

  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt!: Date | null;

  @Column({ type: 'tsvector', select: false })
  searchDoc!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A member's report of a thread or reply, for the coordinators' moderation list. One per person and post. */
@Entity('forum_report')
@Unique('forum_report_post_reporter_key', ['postId', 'reporterId'])
@Index('forum_report_program_idx', ['programId', 'createdAt'])
@Check('forum_report_post_kind', `post_kind IN ('thread', 'reply')`)
@Check('forum_report_reason_length', `char_length(reason) BETWEEN 1 AND ${FORUM_REPORT_REASON_MAX}`)
export class ForumReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  programId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  /** A thread's or a reply's id (uuids do not collide across the two tables); the post's row cascades below. */
  @Column('uuid')
  postId!: string;

  @Column({ type: 'varchar', length: 10 })
  postKind!: 'thread' | 'reply';

  @Column('uuid')
  threadId!: string;

  @ManyToOne(() => ForumThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: ForumThreadEntity;

  @Column('uuid')
  reporterId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reporter_id' })
  reporter?: UserEntity;

  @Column({ type: 'varchar', length: FORUM_REPORT_REASON_MAX })
  reason!: string;

  @Column({ type: 'timestamptz', nullable: true })
  dismissedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * Who follows a thread (its author and everyone who replied) and whether a reply is waiting for them: a reply
 * notifies each follower once, and again only after they have opened the thread.
 */
@Entity('forum_watch')
export class ForumWatchEntity {
  @PrimaryColumn('uuid')
  threadId!: string;

  @ManyToOne(() => ForumThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: ForumThreadEntity;

  @PrimaryColumn('uuid')
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'boolean', default: false })
  notified!: boolean;
}
