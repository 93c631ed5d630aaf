import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { AllocationOutcome, AllocationStratification } from '@pm/contracts';
import { ProgramEntity } from '@api/programs/program.entity';
import { UserEntity } from '@api/users/user.entity';

/**
 * A program's randomized allocation of its scarce places (one per program: a lottery that could be drawn
 * again until it pleased would not be random). The seed is kept so that anyone can recompute the split.
 */
@Entity('allocation')
@Unique('allocation_one_per_program', ['programId'])
@Check('allocation_places_positive', 'places >= 1')
@Check('allocation_stratify_by', `stratify_by IN ('none', 'year_of_study')`)
export class AllocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  programId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column({ type: 'varchar', length: 128 })
  seed!: string;

  @Column({ type: 'integer' })
  places!: number;

  @Column({ type: 'varchar', length: 16, default: 'none' })
  stratifyBy!: AllocationStratification;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One mentee's draw: offered a place or waitlisted, with the hash that decided it. */
@Entity('allocation_entry')
@Unique('allocation_entry_program_user', ['programId', 'userId'])
@Index('allocation_entry_allocation_idx', ['allocationId', 'outcome'])
@Check('allocation_entry_outcome', `outcome IN ('offered', 'waitlisted')`)
@Check('allocation_entry_rank_positive', 'rank >= 1')
export class AllocationEntryEntity {
  @PrimaryColumn('uuid')
  allocationId!: string;

  @ManyToOne(() => AllocationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'allocation_id' })
  allocation?: AllocationEntity;

  @PrimaryColumn('uuid')
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** Denormalized from the allocation so that "one draw per mentee and program" is a constraint. */
  @Column('uuid')
  programId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column({ type: 'varchar', length: 10 })
  outcome!: AllocationOutcome;

  @Column({ type: 'integer' })
  rank!: number;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  /** `all`, or `year:<n>` / `year:none` when stratified. */
  @Column({ type: 'varchar', length: 20 })
  stratum!: string;

  /** Set when the coordinator enrolled this waitlisted mentee in a follow-on program. */
  @Column({ type: 'uuid', nullable: true })
  followOnProgramId!: string | null;

  @ManyToOne(() => ProgramEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'follow_on_program_id' })
  followOnProgram?: ProgramEntity;
}
