import type { DataSourceOptions } from 'typeorm';
import { Agency } from '../agencies/entities/agency.entity.js';
import { MIGRATIONS } from './migrations.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** Every entity, in one list: the app, the migration CLI and the schema-drift test all use it. */
export const ENTITIES = [Agency];

export type DataSourceSettings = { poolSize?: number; runMigrations?: boolean };

export function dataSourceOptions(url: string, settings: DataSourceSettings = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsRun: settings.runMigrations ?? false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // Schema changes come only from migrations; gen_random_uuid() is built into PostgreSQL 13+.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    applicationName: 'yardstick',
    extra: {
      max: settings.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
    },
  };
}
