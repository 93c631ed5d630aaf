import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CONVERSATION_KINDS, type ConversationKind } from '@pm/contracts';
import { MentorshipEntity } from '@api/matching/mentorship.entity';
import { ProgramEntity } from '@api/programs/program.entity';
import { UserEntity } from '@api/users/user.entity';

/**
 * A chat: one per mentorship (its mentor and mentee), and one per mentor's group in a program (the mentor and
 * every mentee they have there), made by the database with the mentorship (migration ChatMembershipView).
 * Membership is never copied here: the view `conversation_member` derives it from `mentorship`, so a mentorship
 * that ends or an account that is erased takes effect at once (the chat's cache of it is dropped on commit).
 *
 * `last_seq` is the per-conversation message counter. Messages are stored by raising it in the same
 * statement as the insert, so the row lock serialises the writers of one conversation: sequence numbers are
 * handed out in commit order and without gaps, and a reader resuming after seq n can never miss a message
 * that commits later with a smaller number.
 */
@Entity('conversation')
@Check('conversation_kind_shape', `(kind = 'mentorship' AND mentorship_id IS NOT NULL) OR (kind = 'group' AND mentorship_id IS NULL)`)
@Check('conversation_last_seq', 'last_seq >= 0')
@Index('conversation_mentorship_key', ['mentorshipId'], { unique: true })
@Index('conversation_group_key', ['programId', 'mentorId'], { unique: true, where: `kind = 'group'` })
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: [...CONVERSATION_KINDS], enumName: 'conversation_kind' })
  kind!: ConversationKind;

  @Column('uuid')
  programId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column({ type: 'uuid', nullable: true })
  mentorshipId!: string | null;

  @ManyToOne(() => MentorshipEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentorship_id' })
  mentorship?: MentorshipEntity;

  /** The mentor of the pair, or whose group this is. */
  @Index('conversation_mentor_idx')
  @Column('uuid')
  mentorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id' })
  mentor?: UserEntity;

  /** Sequence number of the newest message (0: none yet). A bigint, so TypeORM hands it over as a string. */
  @Column({ type: 'bigint', default: 0 })
  lastSeq!: string;

  @Column({ type: 'timestamptz', nullable: true })
  lastMessageAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
