import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Small key/value store for values every replica must share, such as a generated signing secret. */
@Entity('app_setting')
export class AppSettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'text' })
  value!: string;
}
