import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { MatchingAlgorithm, MatchingRunResponse } from '@pm/contracts';
import { ProgramEntity } from '@api/programs/program.entity';

export type StoredRunResult = Pick<MatchingRunResponse, 'assignments' | 'unmatched' | 'stats' | 'certificate' | 'blockingPairs' | 'durationMs'>;

/**
 * A preview: the parameters, the full result and a fingerprint of the input it was computed from. Commit
 * recomputes the fingerprint; if anything the engine reads changed since, the preview is stale (409).
 */
@Entity('matching_run')
@Index('matching_run_program_idx', ['programId', 'createdAt'])
export class MatchingRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  programId!: string;

  @ManyToOne(() => ProgramEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id' })
  program?: ProgramEntity;

  @Column({ type: 'varchar', length: 16 })
  algorithm!: MatchingAlgorithm;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  parameters!: Record<string, number>;

  @Column({ type: 'jsonb' })
  result!: StoredRunResult;

  @Column({ type: 'char', length: 64 })
  inputFingerprint!: string;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  committedAt!: Date | null;
}
