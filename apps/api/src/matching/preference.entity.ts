import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ProgramEntity } from '@api/programs/program.entity';
import { UserEntity } from '@api/users/user.entity';

/** A student's ranking of the other side of their program, best first; replaced whole on each submission. */
@Entity('match_preference')
export class PreferenceEntity {
  @PrimaryColumn('uuid')
  programId!: string;

  @PrimaryColumn('uuid')
  userId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'uuid', array: true })
  rankedUserIds!: string[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
