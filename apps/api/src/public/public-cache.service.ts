import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';

export const PUBLIC_CHANNEL = 'yardstick_public';
/** Bounds the memory the cache takes; the oldest entries go first. */
const MAX_BYTES = 64 * 1024 * 1024;
const RECONNECT_MS = 1000;

/** An answer as sent: the body, and gzipped once when it is worth it (served to clients that accept gzip). */
export type CachedBody = { body: Buffer; gzip: Buffer | null; etag: string; type: string; status: number };
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
  private bytes = 0;
  /** Bumped by each invalidation, so that a page computed before it is never stored after it. */
  private generation = 0;
  private listener: pg.Client | null = null;
  private listening = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  /** The Clock's day the entries were made on: what is overdue, and reporting records, change with the day. */
  private day: string | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

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
    const today = this.clock.today();
    if (today !== this.day) {
      this.invalidate();
      this.day = today;
    }
    const hit = this.entries.get(key);
    if (hit) return hit;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const work = (async () => {
      const produced = await produce();
      const entry = toEntry(produced);
      // What produce returns is kept (a rendered "page not found" too, bounded by MAX_BYTES); a thrown error is not.
      if (this.listening && generation === this.generation && !this.entries.has(key)) {
        for (const [oldKey, old] of this.entries) {
          if (this.bytes + size(entry) <= MAX_BYTES) break;
          this.entries.delete(oldKey);
          this.bytes -= size(old);
        }
        this.entries.set(key, entry);
        this.bytes += size(entry);
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
    this.bytes = 0;
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
  // PDFs are compressed already; small answers are not worth it.
  const gzip = buffer.length >= 1024 && !type.startsWith('application/pdf') ? gzipSync(buffer) : null;
  return { body: buffer, gzip, etag, type, status };
}

function size(entry: CachedBody): number {
  return entry.body.length + (entry.gzip?.length ?? 0);
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
