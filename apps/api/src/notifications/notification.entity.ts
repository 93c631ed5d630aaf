import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { MailStatus, NOTIFICATION_KINDS, NOTIFICATION_LANGUAGES, type NotificationKind, type NotificationLanguage } from '@pm/contracts';
import { ConversationEntity } from '@api/chat/conversation.entity';
import { ProgramEntity } from '@api/programs/program.entity';
import { UserEntity } from '@api/users/user.entity';

export type NotificationParams = Record<string, string | number | null>;

/**
 * One notification to one person. Title and body are not stored: they are written from the kind's template
 * and `params` when read, in the recipient's language at that moment. The unique (recipient, dedupe key) is
 * what makes each event notify each recipient exactly once, however many instances or retries raise it.
 */
@Entity('notification')
@Unique('notification_recipient_dedupe_key', ['recipientId', 'dedupeKey'])
@Index('notification_recipient_idx', ['recipientId', 'createdAt'])
@Index('notification_unread_idx', ['recipientId'], { where: '"read_at" IS NULL' })
@Index('notification_mail_failed_idx', ['createdAt'], { where: `"mail_status" = 'failed'` })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  recipientId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: UserEntity;

  @Column({ type: 'enum', enum: [...NOTIFICATION_KINDS], enumName: 'notification_kind' })
  kind!: NotificationKind;

  @Column({ type: 'uuid', nullable: true })
  programId!: string | null;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  /** A path of the dashboard. */
  @Column({ type: 'varchar', length: 500 })
  link!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params!: NotificationParams;

  @Column({ type: 'varchar', length: 300, nullable: true })
  dedupeKey!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ type: 'enum', enum: Object.values(MailStatus), enumName: 'notification_mail_status', default: MailStatus.None })
  mailStatus!: MailStatus;

  @Column({ type: 'smallint', default: 0 })
  mailAttempts!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  mailError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  mailedAt!: Date | null;
}

/** A person's choices; no row means the defaults (e-mail on, English). */
@Entity('notification_setting')
export class NotificationSettingEntity {
  @Column({ type: 'uuid', primary: true })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'boolean', default: true })
  email!: boolean;

  @Column({ type: 'enum', enum: [...NOTIFICATION_LANGUAGES], enumName: 'notification_language', default: 'en' })
  language!: NotificationLanguage;
}

/** When a member last opened a conversation (joined it): messages sent before count as seen for `message_unread`. */
@Entity('notification_conversation_seen')
export class ConversationSeenEntity {
  @Column({ type: 'uuid', primary: true })
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  @Column({ type: 'uuid', primary: true })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'timestamptz' })
  seenAt!: Date;
}
