// The TypeORM CLI entry (migration:generate / migration:run); see scripts/migration.mjs.
import '../alias';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

const url = process.env['DATABASE_URL'];
if (!url) throw new Error('DATABASE_URL must be set for the migration CLI');

export const dataSource = new DataSource(dataSourceOptions(url));
