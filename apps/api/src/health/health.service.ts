import { Inject, Injectable } from '@nestjs/common';
import type { HealthBody } from '@yardstick/contracts';
import { DataSource } from 'typeorm';
import { DATABASE_MODE } from '../database/database.tokens.js';

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_MODE) private readonly databaseMode: 'external' | 'embedded',
  ) {}

  async check(): Promise<HealthBody> {
    const started = Date.now();
    let database: HealthBody['database'];
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), CHECK_TIMEOUT_MS);
      database = { status: 'up', mode: this.databaseMode, latencyMs: Date.now() - started };
    } catch (error) {
      database = { status: 'down', mode: this.databaseMode, error: describe(error) };
    }
    return {
      status: database.status,
      database,
      version: process.env.npm_package_version ?? '0.1.0',
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Enough for an operator to act on, without connection strings or SQL. */
function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === '57P03') return 'the database is starting up or shutting down';
  if (code === '3D000') return 'the database does not exist';
  if (code === '55000' || code === '57P01') return 'the database is not accepting connections';
  if (error instanceof Error && /timeout|no answer/i.test(error.message)) return 'timed out';
  return 'unreachable';
}
