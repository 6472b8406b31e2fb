import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ALL_CHANNELS,
  type ComputedResultBody,
  type ComputeReportBody,
  type ResultChannel,
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
import { StandardVersion } from '../standards/entities/standard-version.entity.js';
import { Standard } from '../standards/entities/standard.entity.js';
import { TIME_UNIT_SECONDS } from './measures.js';
import { existingPartitions } from './partitions.js';

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

type AggregateRow = {
  period_key: string;
  channel: string | null;
  transactions: string;
  numerator: string | null;
  denominator: string | null;
  pending: string | null;
  sample: string | null;
  value: number | null;
};

/**
 * Results computed from transactions: per period (by month of received_at, UTC) and channel, exactly, over
 * every row (percentiles by percentile_cont, never from other percentiles), written through the results
 * loader like an import (new results, new revisions that need certifying again, identical ones untouched).
 * `compute` is what a daily job calls; `computeForCaller` checks the caller first.
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

  /**
   * Computes and records a standard's results from its service's transactions: every period that has ended
   * (today by the Clock) with transactions, or the one given (which may be in progress).
   */
  async compute(
    standardId: string,
    options: { recordedBy: string | null; period?: string },
  ): Promise<ComputeReportBody> {
    const standard = await this.measuredStandard(standardId);
    const periods = await this.periods(standard, options.period);
    const computed = await this.aggregate(standard, periods);
    const staged = computed.map((result) => toStaged(standard, result));
    const counts =
      staged.length === 0
        ? { inserted: 0, updated: 0, unchanged: 0 }
        : await this.results.load([staged], {
            batchId: null,
            recordedBy: options.recordedBy,
            shouldCommit: () => true,
          });
    return {
      standardId: standard.id,
      transactionMeasure: standard.measure,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: counts.unchanged,
      results: computed,
    };
  }

  /** Every standard computed from transactions that still takes results: the daily job's list. */
  async measuredStandardIds(): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT s.id FROM standards s
       JOIN standard_versions v ON v.id = COALESCE(s.published_version_id, s.pending_version_id)
       WHERE v.transaction_measure IS NOT NULL AND s.status <> 'retired' ORDER BY s.id`,
    );
    return rows.map((row) => row.id);
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

  /** The periods to compute, each with the months (first instants, UTC) it is made of. */
  private async periods(
    standard: MeasuredStandard,
    only?: string,
  ): Promise<Map<string, { period: Period; months: string[] }>> {
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
    const periods = new Map<string, { period: Period; months: string[] }>();
    // Every partition is a month that may hold the service's transactions.
    for (const name of await existingPartitions(this.dataSource)) {
      const match = /^transactions_y(\d{4})m(\d{2})$/.exec(name);
      if (!match) continue;
      const month = `${match[1]}-${match[2]}-01`;
      const period = periodOf(month, standard.frequency);
      if (wanted ? period.key !== wanted.key : period.end >= today) continue;
      const entry = periods.get(period.key) ?? { period, months: [] };
      entry.months.push(`${month}T00:00:00Z`);
      periods.set(period.key, entry);
    }
    return periods;
  }

  /** One statement: each period and channel, and each period over every channel (GROUPING SETS). */
  private async aggregate(
    standard: MeasuredStandard,
    periods: Map<string, { period: Period; months: string[] }>,
  ): Promise<ComputedResultBody[]> {
    if (periods.size === 0) return [];
    const months: string[] = [];
    const keys: string[] = [];
    for (const [key, entry] of periods) {
      for (const month of entry.months) {
        months.push(month);
        keys.push(key);
      }
    }
    const sorted = [...months].sort();
    const from = sorted[0]!;
    const to = nextMonthText(sorted.at(-1)!);
    const unitSeconds = TIME_UNIT_SECONDS[standard.unit] ?? 1;
    const parameters: unknown[] = [standard.agencyId, standard.serviceId, from, to, months, keys];
    const scoped = standard.channelScope.length > 0;
    if (scoped) parameters.push(standard.channelScope);
    const sql = `SELECT p.key AS period_key, t.channel, count(*) AS transactions, ${aggregatesOf(standard, unitSeconds, parameters, this.clock.now())}
      FROM transactions t
      JOIN unnest($5::timestamptz[], $6::text[]) AS p(month, key) ON p.month = date_trunc('month', t.received_at, 'UTC')
      WHERE t.agency_id = $1 AND t.service_id = $2 AND t.received_at >= $3 AND t.received_at < $4
        ${scoped ? 'AND t.channel = ANY($7::text[])' : ''}
      GROUP BY GROUPING SETS ((p.key, t.channel), (p.key))
      ORDER BY 1, 2 NULLS FIRST`;
    const rows = await this.inReadOnly((query) => query<AggregateRow[]>(sql, parameters));
    return rows.map((row) => toComputed(standard, row));
  }

  private async inReadOnly<T>(
    work: (query: <R>(sql: string, parameters?: unknown[]) => Promise<R>) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL jit = off`);
      await manager.query(`SET LOCAL work_mem = '256MB'`);
      return work((sql, parameters) => manager.query(sql, parameters));
    });
  }
}

/** The aggregates a measure needs, as SQL (parameters added to `parameters`). */
function aggregatesOf(standard: MeasuredStandard, unitSeconds: number, parameters: unknown[], now: Date): string {
  const duration = `date_part('epoch', t.completed_at - t.received_at)`;
  switch (standard.measure) {
    case 'share_within_threshold': {
      parameters.push(`${standard.thresholdSeconds ?? 0} seconds`, now.toISOString());
      const threshold = `$${parameters.length - 1}::interval`;
      const nowParameter = `$${parameters.length}::timestamptz`;
      return `count(*) FILTER (WHERE t.completed_at - t.received_at <= ${threshold}) AS numerator,
        count(*) FILTER (WHERE t.completed_at IS NOT NULL OR t.received_at + ${threshold} < ${nowParameter}) AS denominator,
        count(*) FILTER (WHERE t.completed_at IS NULL AND t.received_at + ${threshold} >= ${nowParameter}) AS pending,
        NULL::bigint AS sample, NULL::float8 AS value`;
    }
    case 'share_accurate':
      return `count(*) FILTER (WHERE t.accurate) AS numerator, count(t.accurate) AS denominator, NULL::bigint AS pending,
        NULL::bigint AS sample, NULL::float8 AS value`;
    case 'mean_time':
      return `NULL::bigint AS numerator, NULL::bigint AS denominator, NULL::bigint AS pending,
        count(t.completed_at) AS sample, avg(${duration}) / ${unitSeconds} AS value`;
    case 'median_time':
    case 'p90_time': {
      const fraction = standard.measure === 'median_time' ? 0.5 : 0.9;
      return `NULL::bigint AS numerator, NULL::bigint AS denominator, NULL::bigint AS pending,
        count(t.completed_at) AS sample,
        percentile_cont(${fraction}) WITHIN GROUP (ORDER BY ${duration}) / ${unitSeconds} AS value`;
    }
  }
}

function toComputed(standard: MeasuredStandard, row: AggregateRow): ComputedResultBody {
  const numerator = row.numerator === null ? null : Number(row.numerator);
  const denominator = row.denominator === null ? null : Number(row.denominator);
  const sampleSize = row.sample === null ? null : Number(row.sample);
  const share = standard.measure === 'share_within_threshold' || standard.measure === 'share_accurate';
  // Times are kept to a millionth of their unit (a tenth of a second in days): a sum of doubles in another
  // order (another plan) must not differ in its last digit and make a new revision of an unchanged result.
  const value = share ? shareOf(numerator, denominator) : row.value === null ? null : Number(row.value.toFixed(6));
  const notes: string[] = [];
  const pending = Number(row.pending ?? 0);
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
    numerator: share ? numerator : null,
    denominator: share ? denominator : null,
    sampleSize: share ? null : sampleSize,
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

function nextMonthText(month: string): string {
  const date = new Date(month);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toISOString();
}
