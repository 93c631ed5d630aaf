import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@api/users/user.entity';
import { ProgramEntity } from './program.entity';

@Entity('program_coordinator')
@Index('program_coordinator_user_idx', ['userId'])
export class ProgramCoordinatorEntity {
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
