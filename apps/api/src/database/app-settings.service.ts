import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

@Injectable()
export class AppSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Returns the stored value, storing `create()` first if there is none; safe when replicas race. */
  async getOrCreate(key: string, create: () => string): Promise<string> {
    await this.dataSource.query('INSERT INTO app_setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, create()]);
    const rows: Array<{ value: string }> = await this.dataSource.query('SELECT value FROM app_setting WHERE key = $1', [key]);
    const row = rows[0];
    if (!row) throw new Error(`app_setting ${key} vanished after insert`);
    return row.value;
  }

  async get(key: string): Promise<string | undefined> {
    const rows: Array<{ value: string }> = await this.dataSource.query('SELECT value FROM app_setting WHERE key = $1', [key]);
    return rows[0]?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.dataSource.query('INSERT INTO app_setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, value]);
  }
}
