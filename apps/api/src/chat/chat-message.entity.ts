import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MAX_CLIENT_MESSAGE_ID_LENGTH, MAX_MESSAGE_LENGTH } from '@pm/contracts';
import { UserEntity } from '@api/users/user.entity';
import { ConversationEntity } from './conversation.entity';

/**
 * A stored chat message. Rows are only ever written by `MessageStore.append` (one SQL statement that takes the
 * next `seq` of the conversation and inserts), never through the repository, because the id is derived from the
 * seq under the conversation's row lock (see message-id.ts).
 *
 * The unique index on (conversation, sender, clientMessageId) is what makes a resend idempotent: a client that
 * never saw its ack sends the same clientMessageId again and gets the stored message back.
 */
@Entity('chat_message')
@Index('chat_message_conversation_seq_key', ['conversationId', 'seq'], { unique: true })
@Index('chat_message_client_id_key', ['conversationId', 'senderId', 'clientMessageId'], { unique: true })
@Check('chat_message_body_length', `char_length(body) BETWEEN 1 AND ${MAX_MESSAGE_LENGTH}`)
@Check('chat_message_seq_positive', 'seq >= 1')
export class ChatMessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  @Column('bigint')
  seq!: string;

  // Erasing an account erases what they wrote; the index keeps that cascade from scanning every message.
  @Index('chat_message_sender_idx')
  @Column('uuid')
  senderId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sender_id' })
  sender?: UserEntity;

  /** Plain text, stored exactly as sent; clients render it as text, never as HTML. */
  @Column('text')
  body!: string;

  @Column({ type: 'varchar', length: MAX_CLIENT_MESSAGE_ID_LENGTH })
  clientMessageId!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
