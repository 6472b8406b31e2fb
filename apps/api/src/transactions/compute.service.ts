import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ALL_CHANNELS,
  type ComputedResultBody,
  type ComputeReportBody,
  type ResultChannel,
  type ServiceComputeReportBody,
  type TransactionMeasure,
} from '@yardstick/contracts';
import { periodOf, shareOf, tryParsePeriodKey, unitValueProblem, type Period } from '@yardstick/metrics';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import {
  ConflictAppException,
  NotFoundAppException,
  ValidationFailedException,
} from '../common/errors/app.exception.js';
import { ResultsLoader, type StagedResult } from '../imports/results-loader.js';
import { Service } from '../services/entities/service.entity.js';
import { StandardVersion } from '../standards/entities/standard-version.entity.js';
import { Standard } from '../standards/entities/standard.entity.js';
import { TIME_UNIT_SECONDS } from './measures.js';

export const COMPUTED_SOURCE = "Computed by Yardstick from the service's transactions";

/** The standard as the computation needs it. */
export type MeasuredStandard = {
  id: string;
  agencyId: string;
  serviceId: string;
  code: string;
  measure: TransactionMeasure;
  unit: StandardVersion['unit'];
  frequency: StandardVersion['frequency'];
  thresholdSeconds: number | null;
  thresholdText: string;
  channelScope: string[];
};

type Row = Record<string, unknown> & { period_key: string; channel: string | null; transactions: string };

/** A partition: its table's oid and the month it holds (UTC). */
type MonthPartition = { oid: number; month: string };

/**
 * Results computed from transactions: per period (by month of received_at, UTC) and channel, exactly, over
 * every row (percentiles by percentile_cont, never from other percentiles), written through the results
 * loader as an import's are (new results, new revisions that need certifying again, identical ones untouched).
 * Standards of one service that report alike are computed in one pass over its transactions.
 * `compute` and `computeService` are what a daily job calls; the `...ForCaller` ones check the caller first.
 */
@Injectable()
export class TransactionsComputeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly results: ResultsLoader,
    private readonly clock: Clock,
  ) {}

  async computeForCaller(auth: AuthContext, standardId: string, period?: string): Promise<ComputeReportBody> {
    const standard = await this.dataSource.manager.findOneBy(Standard, { id: standardId });
    if (!standard) throw new NotFoundAppException('Standard', standardId);
    auth.require('results:write', standard.agencyId);
    return this.compute(standardId, { recordedBy: auth.actor.id, period });
  }

  async computeServiceForCaller(auth: AuthContext, serviceId: string): Promise<ServiceComputeReportBody> {
    const service = await this.dataSource.manager.findOneBy(Service, { id: serviceId });
    if (!service) throw new NotFoundAppException('Service', serviceId);
    auth.require('results:write', service.agencyId);
    return this.computeService(serviceId, { recordedBy: auth.actor.id });
  }

  /**
   * Computes and records a standard's results from its service's transactions: every period that has ended
   * (today by the Clock) with transactions, or the one given (which may be in progress).
   */
  async compute(
    standardId: string,
    options: { recordedBy: string | null; period?: string },
  ): Promise<ComputeReportBody> {
    const standard = await this.measuredStandard(standardId);
    const [report] = await this.computeAll([standard], options);
    return report!;
  }

  /** Every standard of the service computed from transactions, in as few passes as they allow. */
  async computeService(serviceId: string, options: { recordedBy: string | null }): Promise<ServiceComputeReportBody> {
    const ids = await this.measuredStandardIds(serviceId);
    const standards = await Promise.all(ids.map((id) => this.measuredStandard(id)));
    return { serviceId, standards: await this.computeAll(standards, options) };
  }

  /**
   * The daily job's part: every service with standards computed from transactions, recorded by Yardstick itself
   * (recordedBy null, so any approver may certify). One service that fails is reported and the others go on.
   */
  async computeAllServices(): Promise<{
    reports: ServiceComputeReportBody[];
    failed: { serviceId: string; error: string }[];
  }> {
    const services = await this.dataSource.query<{ service_id: string }[]>(
      `SELECT DISTINCT s.service_id FROM standards s
       JOIN standard_versions v ON v.id = COALESCE(s.published_version_id, s.pending_version_id)
       WHERE v.transaction_measure IS NOT NULL AND s.status <> 'retired'
       ORDER BY s.service_id`,
    );
    const reports: ServiceComputeReportBody[] = [];
    const failed: { serviceId: string; error: string }[] = [];
    for (const { service_id: serviceId } of services) {
      try {
        reports.push(await this.computeService(serviceId, { recordedBy: null }));
      } catch (error) {
        failed.push({ serviceId, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return { reports, failed };
  }

  /** Standards computed from transactions that still take results (of one service, if given): the daily job's list. */
  async measuredStandardIds(serviceId?: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT s.id FROM standards s
       JOIN standard_versions v ON v.id = COALESCE(s.published_version_id, s.pending_version_id)
       WHERE v.transaction_measure IS NOT NULL AND s.status <> 'retired' AND ($1::uuid IS NULL OR s.service_id = $1)
       ORDER BY s.code`,
      [serviceId ?? null],
    );
    return rows.map((row) => row.id);
  }

  private async computeAll(
    standards: MeasuredStandard[],
    options: { recordedBy: string | null; period?: string },
  ): Promise<ComputeReportBody[]> {
    // One pass for the standards of a service that report by the same periods and channels.
    const passes = new Map<string, MeasuredStandard[]>();
    for (const standard of standards) {
      const key = `${standard.serviceId}|${standard.frequency}|${[...standard.channelScope].sort().join(',')}`;
      passes.set(key, [...(passes.get(key) ?? []), standard]);
    }
    const computed = new Map<string, ComputedResultBody[]>();
    const partitions = await this.monthPartitions();
    for (const pass of passes.values()) {
      const periods = this.periods(pass[0]!, partitions, options.period);
      for (const [id, results] of await this.aggregate(pass, periods)) computed.set(id, results);
    }
    const reports: ComputeReportBody[] = [];
    for (const standard of standards) {
      const results = computed.get(standard.id) ?? [];
      const counts =
        results.length === 0
          ? { inserted: 0, updated: 0, unchanged: 0 }
          : await this.results.load([results.map((result) => toStaged(standard, result))], {
              batchId: null,
              recordedBy: options.recordedBy,
              shouldCommit: () => true,
            });
      reports.push({
        standardId: standard.id,
        transactionMeasure: standard.measure,
        inserted: counts.inserted,
        updated: counts.updated,
        unchanged: counts.unchanged,
        results,
      });
    }
    return reports;
  }

  private async measuredStandard(standardId: string): Promise<MeasuredStandard> {
    const standard = await this.dataSource.manager.findOneBy(Standard, { id: standardId });
    if (!standard) throw new NotFoundAppException('Standard', standardId);
    if (standard.status === 'retired') {
      throw new ConflictAppException(`Standard ${standard.code} is retired and takes no new results.`, [
        { field: 'standardId', value: standard.id, reason: 'the standard is retired' },
      ]);
    }
    const version = await this.dataSource.manager.findOneByOrFail(StandardVersion, {
      id: (standard.publishedVersionId ?? standard.pendingVersionId)!,
    });
    if (version.transactionMeasure === null) {
      throw new ConflictAppException(
        `Standard ${standard.code} is not computed from transactions: give it a transactionMeasure first.`,
        [{ field: 'transactionMeasure', reason: 'is not set on this standard' }],
      );
    }
    const thresholdUnitSeconds = version.thresholdUnit ? TIME_UNIT_SECONDS[version.thresholdUnit] : undefined;
    return {
      id: standard.id,
      agencyId: standard.agencyId,
      serviceId: standard.serviceId,
      code: standard.code,
      measure: version.transactionMeasure,
      unit: version.unit,
      frequency: version.frequency,
      thresholdSeconds:
        version.thresholdValue !== null && thresholdUnitSeconds ? version.thresholdValue * thresholdUnitSeconds : null,
      thresholdText: `${version.thresholdValue ?? ''} ${version.thresholdUnit ?? ''}`.trim(),
      channelScope: version.channelScope,
    };
  }

  /** Every month partition of transactions (each is a month that may hold the service's transactions). */
  private async monthPartitions(): Promise<MonthPartition[]> {
    const rows = await this.dataSource.query<{ oid: number; name: string }[]>(
      `SELECT c.oid::int AS oid, c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'transactions'::regclass ORDER BY c.relname`,
    );
    return rows.flatMap(({ oid, name }) => {
      const match = /^transactions_y(\d{4})m(\d{2})$/.exec(name);
      return match ? [{ oid, month: `${match[1]}-${match[2]}-01` }] : [];
    });
  }

  /** The periods to compute, each with the partitions of the months it is made of. */
  private periods(
    standard: MeasuredStandard,
    partitions: MonthPartition[],
    only?: string,
  ): Map<string, { period: Period; oids: number[] }> {
    const today = this.clock.today();
    let wanted: Period | null = null;
    if (only !== undefined) {
      wanted = tryParsePeriodKey(only.trim().toUpperCase());
      if (!wanted || wanted.frequency !== standard.frequency) {
        throw new ValidationFailedException([
          {
            field: 'period',
            value: only,
            reason: `must be a ${standard.frequency} of this standard, e.g. ${periodOf(today, standard.frequency).key}`,
          },
        ]);
      }
    }
    const periods = new Map<string, { period: Period; oids: number[] }>();
    for (const { oid, month } of partitions) {
      const period = periodOf(month, standard.frequency);
      if (wanted ? period.key !== wanted.key : period.end >= today) continue;
      const entry = periods.get(period.key) ?? { period, oids: [] };
      entry.oids.push(oid);
      periods.set(period.key, entry);
    }
    return periods;
  }

  /**
   * Standards of one service that report alike, computed a period at a time: one statement each (every
   * standard's aggregates side by side, by channel and over every channel by GROUPING SETS, the two
   * percentiles from one sort), each reading only its period's partitions. The periods run on
   * COMPUTE_CONNECTIONS connections of the pool at once, so that PostgreSQL sorts two months side by side;
   * every figure is still computed over the rows of its own period and channel.
   */
  private async aggregate(
    standards: MeasuredStandard[],
    periods: Map<string, { period: Period; oids: number[] }>,
  ): Promise<Map<string, ComputedResultBody[]>> {
    const out = new Map<string, ComputedResultBody[]>();
    if (periods.size === 0) return out;
    const first = standards[0]!;
    const parameters: unknown[] = [first.agencyId, first.serviceId, null, null, null, this.clock.now().toISOString()];
    const scoped = first.channelScope.length > 0;
    if (scoped) parameters.push(first.channelScope);
    const columns = aggregateColumns(standards, parameters);
    // $3, $4: the period's first instant and the one after it; $5 its key; $6 the Clock's now (open cases
    // older than a threshold are counted against it).
    const sql = `SELECT $5::text AS period_key, t.channel COLLATE "C" AS channel, count(*) AS transactions, ${columns}
      FROM transactions t
      WHERE t.agency_id = $1 AND t.service_id = $2 AND t.received_at >= $3 AND t.received_at < $4
        AND $6::timestamptz IS NOT NULL
        ${scoped ? 'AND t.channel = ANY($7::text[])' : ''}
      GROUP BY GROUPING SETS ((2), ())
      HAVING count(*) > 0
      ORDER BY 2 NULLS FIRST`;
    const keys = [...periods.keys()].sort();
    const byPeriod = new Map<string, Row[]>();
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let key = keys[next++]; key !== undefined; key = keys[next++]) {
        const { period } = periods.get(key)!;
        const end = new Date(Date.parse(`${period.end}T00:00:00Z`) + 86_400_000).toISOString();
        const values = [...parameters];
        values.splice(2, 3, `${period.start}T00:00:00Z`, end, key);
        byPeriod.set(
          key,
          await this.dataSource.transaction(async (manager) => {
            await manager.query(`SET LOCAL jit = off`);
            // Enough to sort a month's times in memory.
            await manager.query(`SET LOCAL work_mem = '256MB'`);
            return manager.query<Row[]>(sql, values);
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(COMPUTE_CONNECTIONS, keys.length) }, worker));
    const rows = keys.flatMap((key) => byPeriod.get(key)!);
    standards.forEach((standard, index) =>
      out.set(
        standard.id,
        rows.map((row) => toComputed(standard, index, row)),
      ),
    );
    return out;
  }
}

/** Periods computed at once, each on a connection of its own (the machine's cores, at least two). */
const COMPUTE_CONNECTIONS = 2;

const DURATION = `date_part('epoch', t.completed_at - t.received_at)`;

/** Each standard's aggregates as columns s<i>_numerator, s<i>_denominator, s<i>_pending, s<i>_sample, s<i>_value. */
function aggregateColumns(standards: MeasuredStandard[], parameters: unknown[]): string {
  const now = '$6::timestamptz';
  const columns: string[] = [];
  if (standards.some((s) => s.measure === 'median_time' || s.measure === 'p90_time')) {
    columns.push(`percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${DURATION}) AS percentiles`);
  }
  if (standards.some((s) => s.measure !== 'share_within_threshold' && s.measure !== 'share_accurate')) {
    columns.push(`count(t.completed_at) AS completed`);
  }
  if (standards.some((s) => s.measure === 'mean_time')) columns.push(`avg(${DURATION}) AS mean`);
  if (standards.some((s) => s.measure === 'share_accurate')) {
    columns.push(`count(*) FILTER (WHERE t.accurate) AS accurate, count(t.accurate) AS reviewed`);
  }
  standards.forEach((standard, index) => {
    if (standard.measure !== 'share_within_threshold') return;
    parameters.push(`${standard.thresholdSeconds ?? 0} seconds`);
    const threshold = `$${parameters.length}::interval`;
    columns.push(
      `count(*) FILTER (WHERE t.completed_at - t.received_at <= ${threshold}) AS s${index}_met,
       count(*) FILTER (WHERE t.completed_at IS NOT NULL OR t.received_at + ${threshold} < ${now}) AS s${index}_counted,
       count(*) FILTER (WHERE t.completed_at IS NULL AND t.received_at + ${threshold} >= ${now}) AS s${index}_pending`,
    );
  });
  return columns.join(', ');
}

function count(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function toComputed(standard: MeasuredStandard, index: number, row: Row): ComputedResultBody {
  let numerator: number | null = null;
  let denominator: number | null = null;
  let sampleSize: number | null = null;
  let seconds: number | null = null;
  let pending = 0;
  switch (standard.measure) {
    case 'share_within_threshold':
      numerator = count(row[`s${index}_met`]);
      denominator = count(row[`s${index}_counted`]);
      pending = count(row[`s${index}_pending`]) ?? 0;
      break;
    case 'share_accurate':
      numerator = count(row.accurate);
      denominator = count(row.reviewed);
      break;
    case 'mean_time':
      sampleSize = count(row.completed);
      seconds = row.mean as number | null;
      break;
    case 'median_time':
    case 'p90_time':
      sampleSize = count(row.completed);
      seconds = (row.percentiles as (number | null)[] | null)?.[standard.measure === 'median_time' ? 0 : 1] ?? null;
      break;
  }
  const share = standard.measure === 'share_within_threshold' || standard.measure === 'share_accurate';
  // Times are kept to a millionth of their unit (a tenth of a second in days): a sum of doubles in another
  // order (another plan) must not differ in its last digit and make a new revision of an unchanged result.
  const unitSeconds = TIME_UNIT_SECONDS[standard.unit] ?? 1;
  const value = share
    ? shareOf(numerator, denominator)
    : seconds === null
      ? null
      : Number((seconds / unitSeconds).toFixed(6));
  const notes: string[] = [];
  if (pending > 0) {
    notes.push(
      `${pending} open transactions received less than ${standard.thresholdText} ago are not counted until they are completed or pass ${standard.thresholdText}.`,
    );
  }
  if (value === null) {
    notes.push(
      standard.measure === 'share_accurate'
        ? 'No transaction of the period was reviewed for accuracy.'
        : share
          ? 'No transaction of the period can be counted yet.'
          : 'No transaction of the period has been completed.',
    );
  }
  return {
    periodKey: row.period_key,
    channel: (row.channel ?? ALL_CHANNELS) as ResultChannel,
    value,
    numerator,
    denominator,
    sampleSize,
    transactions: Number(row.transactions),
    dataQualityNote: notes.length > 0 ? notes.join(' ') : null,
  };
}

function toStaged(standard: MeasuredStandard, result: ComputedResultBody): StagedResult {
  const period = tryParsePeriodKey(result.periodKey)!;
  const problem = result.value === null ? null : unitValueProblem(standard.unit, result.value);
  if (problem !== null) throw new Error(`Computed ${result.periodKey} of ${standard.code}: ${problem}`);
  return {
    standardId: standard.id,
    agencyId: standard.agencyId,
    periodKey: period.key,
    frequency: period.frequency,
    periodStart: period.start,
    periodEnd: period.end,
    fiscalYear: period.fiscalYear,
    channel: result.channel,
    value: result.value,
    numerator: result.numerator,
    denominator: result.denominator,
    sampleSize: result.sampleSize,
    source: COMPUTED_SOURCE,
    dataQualityNote: result.dataQualityNote,
    explanationWhy: null,
    explanationAction: null,
  };
}
