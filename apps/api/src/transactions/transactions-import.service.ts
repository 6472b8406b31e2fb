import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import { NotFoundAppException, ValidationFailedException } from '../common/errors/app.exception.js';
import { ImportFileError, type RowError } from '../imports/formats/index.js';
import type { LoadCounts } from '../imports/results-loader.js';
import { Service } from '../services/entities/service.entity.js';
import { parseTransactionsCsv, type TransactionRecord } from './transactions-format.js';
import { TransactionsLoader } from './transactions-loader.js';

export type TransactionService = { serviceId: string; agencyId: string };

export type TransactionImport = {
  service: TransactionService;
  batchId: string;
  /** The file as uploaded (gzip-compressed when `gzip`). */
  stream: Readable;
  gzip: boolean;
  shouldCommit: () => boolean;
  keepMerging: () => boolean;
  addErrors: (errors: RowError[]) => void;
  onRows: (count: number) => Promise<void> | undefined;
};

/** Imports of transaction files (format=transactions): the service they are for, reading, checking, loading. */
@Injectable()
export class TransactionsImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: TransactionsLoader,
    private readonly clock: Clock,
  ) {}

  /** The service a file is for: it must exist, and the caller must be able to record results for its agency. */
  async service(auth: AuthContext, serviceId: string | undefined): Promise<TransactionService> {
    if (!serviceId) {
      throw new ValidationFailedException([
        { field: 'serviceId', reason: 'is required for a transactions file: the id of the service it is for' },
      ]);
    }
    const service = await this.dataSource.manager.findOneBy(Service, { id: serviceId });
    if (!service) throw new NotFoundAppException('Service', serviceId);
    auth.require('results:write', service.agencyId);
    return { serviceId: service.id, agencyId: service.agencyId };
  }

  async load(file: TransactionImport): Promise<LoadCounts> {
    const text = file.gzip ? gunzipped(file.stream) : file.stream;
    const parsed = parseTransactionsCsv(text, { nowMs: this.clock.now().getTime() });
    return this.loader.load(checked(parsed, file), {
      agencyId: file.service.agencyId,
      serviceId: file.service.serviceId,
      batchId: file.batchId,
      shouldCommit: file.shouldCommit,
      keepMerging: file.keepMerging,
      addErrors: file.addErrors,
    });
  }
}

/** The good rows of each batch; the errors go to the import's report. */
async function* checked(
  batches: ReturnType<typeof parseTransactionsCsv>,
  file: TransactionImport,
): AsyncGenerator<TransactionRecord[]> {
  for await (const batch of batches) {
    const progress = file.onRows(batch.rows);
    if (progress) await progress;
    if (batch.errors.length > 0) file.addErrors(batch.errors);
    if (batch.records.length > 0) yield batch.records;
  }
}

/**
 * The file decompressed as it streams. A corrupt or cut-off gzip stream is an ImportFileError naming how far
 * into the compressed file it got (the bytes handed to the decompressor when it failed).
 */
export async function* gunzipped(input: Readable): AsyncGenerator<Buffer> {
  let offset = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      offset += chunk.length;
      done(null, chunk);
    },
  });
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(counted).pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (!code?.startsWith('Z_')) throw error;
    throw new ImportFileError(
      'corrupt_gzip',
      `The gzip stream is corrupt at byte ${offset.toLocaleString('en-US')} of the compressed file (${(error as Error).message}): compress the CSV file again (gzip), or send it uncompressed.`,
    );
  } finally {
    input.unpipe(counted);
    counted.unpipe(gunzip);
    input.resume();
  }
}
