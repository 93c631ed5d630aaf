import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Column } from 'typeorm';
import { ProgramEntity } from '@api/programs/program.entity';
import { UserEntity } from '@api/users/user.entity';

/** A pair the coordinator says must never be matched (a conflict of interest, say). */
@Entity('match_exclusion')
export class ExclusionEntity {
  @PrimaryColumn('uuid')
  programId!: string;

  @PrimaryColumn('uuid')
  menteeId!: string;

  @PrimaryColumn('uuid')
  mentorId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentee_id' })
  mentee?: UserEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id' })
  mentor?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
