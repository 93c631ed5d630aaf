import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@api/users/user.entity';
import { ConversationEntity } from './conversation.entity';

/** A member's read receipt: the last message they have read in a conversation. It only ever moves forward. */
@Entity('conversation_read')
export class ConversationReadEntity {
  @PrimaryColumn('uuid')
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  @Index('conversation_read_user_idx')
  @PrimaryColumn('uuid')
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('bigint')
  lastReadSeq!: string;

  /** Not a foreign key: the receipt outlives a message erased with its author's account. */
  @Column('uuid')
  lastReadMessageId!: string;

  @Column({ type: 'timestamptz' })
  readAt!: Date;
}
