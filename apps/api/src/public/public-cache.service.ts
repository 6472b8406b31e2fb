import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';

export const PUBLIC_CHANNEL = 'yardstick_public';
const MAX_ENTRIES = 5000;
const RECONNECT_MS = 1000;

export type CachedBody = { body: Buffer; etag: string; type: string; status: number };
export type Produced = { body: string | Buffer; type: string; status?: number };

/**
 * Rendered public pages and public data, kept in this process by address. Each database transaction that
 * changes public tables sends NOTIFY yardstick_public at commit (triggers from a migration), and every API
 * instance LISTENing drops its whole cache. While this instance is not listening (starting, or its listening
 * connection lost), nothing is cached, so no instance ever serves what it cannot know is current.
 */
@Injectable()
export class PublicCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PublicCache');
  private readonly entries = new Map<string, CachedBody>();
  private readonly pending = new Map<string, Promise<CachedBody>>();
  /** Bumped by each invalidation, so that a page computed before it is never stored after it. */
  private generation = 0;
  private listener: pg.Client | null = null;
  private listening = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const listener = this.listener;
    this.listener = null;
    this.listening = false;
    await listener?.end().catch(() => undefined);
  }

  /** True while changes made by any instance reach this one. */
  get isListening(): boolean {
    return this.listening;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached answer for a key, or produce it (once for concurrent callers) and keep it. */
  async get(key: string, produce: () => Promise<Produced>): Promise<CachedBody> {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const work = (async () => {
      const produced = await produce();
      const entry = toEntry(produced);
      // Errors (404) are cached too: a missing page is as public as a present one and changes with the same events.
      if (this.listening && generation === this.generation) {
        if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
        this.entries.set(key, entry);
      }
      return entry;
    })();
    this.pending.set(key, work);
    try {
      return await work;
    } finally {
      if (this.pending.get(key) === work) this.pending.delete(key);
    }
  }

  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
    this.pending.clear();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new pg.Client({ connectionString: url, application_name: 'yardstick-public-cache' });
    const lost = (error?: Error) => {
      if (this.listener !== client) return;
      this.listener = null;
      this.listening = false;
      this.invalidate();
      if (error) this.logger.warn(`Listening for public changes stopped (${error.message}); caching paused`);
      client.end().catch(() => undefined);
      if (!this.stopped) this.retry = setTimeout(() => void this.listen(), RECONNECT_MS);
    };
    client.on('notification', () => this.invalidate());
    client.on('error', (error) => lost(error));
    client.on('end', () => lost());
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${PUBLIC_CHANNEL}`);
      if (this.listener !== client) return;
      // Whatever changed while not listening is unknown: start empty.
      this.invalidate();
      this.listening = true;
    } catch (error) {
      lost(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

function toEntry({ body, type, status = 200 }: Produced): CachedBody {
  const buffer = typeof body === 'string' ? Buffer.from(body) : body;
  const etag = `"${createHash('sha1').update(buffer).digest('base64url')}"`;
  return { body: buffer, etag, type, status };
}

/** Whether the request's If-None-Match names this ETag. */
export function isFresh(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const header = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}
