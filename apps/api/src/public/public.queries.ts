import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Channel,
  ComplaintRoute,
  Computation,
  CxCollectionBody,
  Dimension,
  Direction,
  IndicatorKind,
  PlanParts,
  ResultChannel,
  ServiceChannelDetail,
  ThemeCount,
  TransactionMeasure,
  Unit,
} from '@yardstick/contracts';
import type { Frequency } from '@yardstick/metrics';
import { DataSource, In, type FindOptionsWhere } from 'typeorm';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { collectionBodies } from '../cx/cx-scores.js';
import { CxCollection } from '../cx/entities/cx-collection.entity.js';

// The only reads behind the public site. Every query here sees published standards through their published
// version, certified results of those standards, and public agency fields; nothing else can reach a public
// page, file or API answer. The one exception is awaitingCertification: the period (never a figure) of a result
// not certified yet, so that a headline counts it apart instead of leaving it out of its denominator. Plain SQL (numbers cast to float8) keeps the hot pages cheap.

/** A published standard: WHERE clause shared by every query that starts from standards. */
const PUBLISHED = `s.status = 'published' AND s.published_version_id IS NOT NULL`;

export type StandardRow = {
  id: string;
  code: string;
  agencyId: string;
  agencySlug: string;
  agencyName: string;
  agencyAbbreviation: string;
  /** The agency's fiscal year start month (1-12): results are dated and named in its calendar. */
  fiscalYearStartMonth: number;
  serviceId: string;
  serviceSlug: string;
  serviceName: string;
  version: number;
  title: string;
  statement: string;
  dimension: Dimension;
  measureDescription: string;
  unit: Unit;
  computation: Computation;
  direction: Direction;
  thresholdValue: number | null;
  thresholdUnit: Unit | null;
  channelScope: Channel[];
  frequency: Frequency;
  nearTolerance: number | null;
  resultRounding: number | null;
  indicatorKind: IndicatorKind | null;
  transactionMeasure: TransactionMeasure | null;
  publishedAt: Date | null;
};

export type TargetRow = {
  standardId: string;
  fiscalYear: number;
  quarter: number;
  value: number | null;
  minValue: number | null;
  maxValue: number | null;
  unit: Unit;
  note: string | null;
};

export type ResultRow = {
  standardId: string;
  periodKey: string;
  frequency: Frequency;
  periodStart: string;
  periodEnd: string;
  fiscalYear: number;
  channel: ResultChannel;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  source: string | null;
  dataQualityNote: string | null;
  revision: number;
  certifiedAt: Date;
  why: string | null;
  action: string | null;
};

export type BenchmarkRow = {
  standardId: string;
  benchmarkId: string;
  name: string;
  description: string | null;
  sourceOrganization: string;
  sourceUrl: string | null;
  year: number;
  value: number;
  unit: Unit;
};

export type AgencyRow = {
  id: string;
  slug: string;
  name: string;
  abbreviation: string;
  websiteUrl: string | null;
  parentId: string | null;
  fiscalYearStartMonth: number;
  bureauCode: string | null;
  programCodes: string[];
  contactEmail: string | null;
};

export type ServiceRow = {
  id: string;
  agencyId: string;
  slug: string;
  name: string;
  description: string | null;
  customers: string | null;
  channels: Channel[];
  hisp: boolean;
  publicUrl: string | null;
  channelDetails: ServiceChannelDetail[];
  complaints: ComplaintRoute | null;
};

export type PlanRow = {
  id: string;
  fiscalYear: number;
  version: number;
  summary: string;
  parts: PlanParts;
  standardIds: string[];
  benchmarkIds: string[];
  feedbackCollectionIds: string[];
  employeeFeedbackIds: string[];
  publishedAt: Date | null;
};

export type PlanVersionRow = { version: number; summary: string; publishedAt: Date | null; current: boolean };

export type EmployeeFeedbackRow = {
  id: string;
  serviceSlug: string;
  serviceName: string;
  periodKey: string;
  employeesSurveyed: number;
  employeesResponding: number;
  barriers: ThemeCount[];
  ideas: ThemeCount[];
  summary: string;
};

export type VersionRow = {
  version: number;
  title: string;
  statement: string;
  measureDescription: string;
  publishedAt: Date | null;
  current: boolean;
};

export type StandardFilter = {
  ids?: string[];
  agencyIds?: string[];
  serviceIds?: string[];
  /** Words to find in the title, promise, code, service or agency. */
  q?: string;
  /** One standard by its public address: its agency's slug and its code. */
  address?: { agencySlug: string; code: string };
};

const STANDARD_COLUMNS = `
  s.id, s.code, s.agency_id AS "agencyId", a.slug AS "agencySlug", a.name AS "agencyName",
  a.abbreviation AS "agencyAbbreviation", a.fiscal_year_start_month AS "fiscalYearStartMonth", s.service_id AS "serviceId", sv.slug AS "serviceSlug",
  sv.name AS "serviceName", v.version, v.title, v.statement, v.dimension, v.measure_description AS "measureDescription",
  v.unit, v.computation, v.direction, v.threshold_value::float8 AS "thresholdValue", v.threshold_unit AS "thresholdUnit",
  v.channel_scope AS "channelScope", v.frequency, v.near_tolerance::float8 AS "nearTolerance",
  v.result_rounding AS "resultRounding",
  v.indicator_kind AS "indicatorKind", v.transaction_measure AS "transactionMeasure", v.published_at AS "publishedAt"`;

const RESULT_COLUMNS = `
  r.standard_id AS "standardId", r.period_key AS "periodKey", r.frequency, to_char(r.period_start, 'YYYY-MM-DD') AS "periodStart",
  to_char(r.period_end, 'YYYY-MM-DD') AS "periodEnd", r.fiscal_year AS "fiscalYear", r.channel,
  r.value::float8 AS value, r.numerator::float8 AS numerator, r.denominator::float8 AS denominator,
  r.sample_size AS "sampleSize", r.source, r.data_quality_note AS "dataQualityNote", r.revision,
  r.certified_at AS "certifiedAt", e.why, e.action`;

@Injectable()
export class PublicQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async standards(filter: StandardFilter = {}): Promise<StandardRow[]> {
    const where = [PUBLISHED];
    const params: unknown[] = [];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.ids) add((n) => `s.id = ANY(${n}::uuid[])`, filter.ids);
    if (filter.agencyIds) add((n) => `s.agency_id = ANY(${n}::uuid[])`, filter.agencyIds);
    if (filter.serviceIds) add((n) => `s.service_id = ANY(${n}::uuid[])`, filter.serviceIds);
    if (filter.address) {
      add((n) => `a.slug = ${n}`, filter.address.agencySlug);
      add((n) => `s.code = ${n}`, filter.address.code);
    }
    for (const word of words(filter.q)) {
      add(
        (n) =>
          `(v.title ILIKE ${n} OR v.statement ILIKE ${n} OR s.code ILIKE ${n} OR sv.name ILIKE ${n} OR a.name ILIKE ${n} OR a.abbreviation ILIKE ${n})`,
        `%${escapeLike(word)}%`,
      );
    }
    return this.dataSource.query(
      `SELECT ${STANDARD_COLUMNS}
         FROM standards s
         JOIN standard_versions v ON v.id = s.published_version_id
         JOIN services sv ON sv.id = s.service_id
         JOIN agencies a ON a.id = s.agency_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.name, sv.name, s.code`,
      params,
    );
  }

  async targets(standardIds: string[]): Promise<TargetRow[]> {
    if (standardIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT t.standard_id AS "standardId", t.fiscal_year AS "fiscalYear", t.quarter, t.value::float8 AS value,
              t.min_value::float8 AS "minValue", t.max_value::float8 AS "maxValue", t.unit, t.note
         FROM targets t JOIN standards s ON s.id = t.standard_id
        WHERE t.standard_id = ANY($1::uuid[]) AND ${PUBLISHED}
        ORDER BY t.fiscal_year, t.quarter`,
      [standardIds],
    );
  }

  /** Certified results of published standards, oldest first; optionally only some fiscal years or all channels. */
  async results(
    standardIds: string[],
    options: { fiscalYears?: number[]; allChannelsOnly?: boolean } = {},
  ): Promise<ResultRow[]> {
    if (standardIds.length === 0) return [];
    const params: unknown[] = [standardIds];
    let extra = '';
    if (options.fiscalYears) {
      params.push(options.fiscalYears);
      extra += ` AND r.fiscal_year = ANY($${params.length}::int[])`;
    }
    if (options.allChannelsOnly) extra += ` AND r.channel = 'all'`;
    return this.dataSource.query(
      `SELECT ${RESULT_COLUMNS}
         FROM results r
         JOIN standards s ON s.id = r.standard_id
         LEFT JOIN explanations e ON e.result_id = r.id
        WHERE r.standard_id = ANY($1::uuid[]) AND r.certified_at IS NOT NULL AND ${PUBLISHED}${extra}
        ORDER BY r.standard_id, r.period_start, r.period_end DESC, r.channel`,
      params,
    );
  }

  /** Each standard's latest certified all-channel result. */
  async latestResults(standardIds: string[]): Promise<ResultRow[]> {
    if (standardIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT DISTINCT ON (r.standard_id) ${RESULT_COLUMNS}
         FROM results r
         JOIN standards s ON s.id = r.standard_id
         LEFT JOIN explanations e ON e.result_id = r.id
        WHERE r.standard_id = ANY($1::uuid[]) AND r.channel = 'all' AND r.certified_at IS NOT NULL AND ${PUBLISHED}
        ORDER BY r.standard_id, r.period_start DESC, r.period_end ASC`,
      [standardIds],
    );
  }

  /**
   * Each standard's latest all-channel result that awaits certification: its period only (never its
   * figures), so that a headline can count it apart instead of leaving it out of the denominator.
   */
  async awaitingCertification(
    standardIds: string[],
    options: { fiscalYears?: number[] } = {},
  ): Promise<{ standardId: string; periodKey: string; periodStart: string; fiscalYear: number }[]> {
    if (standardIds.length === 0) return [];
    const params: unknown[] = [standardIds];
    let extra = '';
    if (options.fiscalYears) {
      params.push(options.fiscalYears);
      extra = ` AND r.fiscal_year = ANY($2::int[])`;
    }
    return this.dataSource.query(
      `SELECT DISTINCT ON (r.standard_id, r.fiscal_year) r.standard_id AS "standardId", r.period_key AS "periodKey",
              to_char(r.period_start, 'YYYY-MM-DD') AS "periodStart", r.fiscal_year AS "fiscalYear"
         FROM results r
         JOIN standards s ON s.id = r.standard_id
        WHERE r.standard_id = ANY($1::uuid[]) AND r.channel = 'all' AND r.certified_at IS NULL AND ${PUBLISHED}${extra}
        ORDER BY r.standard_id, r.fiscal_year, r.period_start DESC, r.period_end ASC`,
      params,
    );
  }

  /** Fiscal years in which any of the standards has a certified all-channel result, oldest first. */
  async resultYears(standardIds: string[]): Promise<number[]> {
    if (standardIds.length === 0) return [];
    const rows: { fiscalYear: number }[] = await this.dataSource.query(
      `SELECT DISTINCT r.fiscal_year AS "fiscalYear"
         FROM results r JOIN standards s ON s.id = r.standard_id
        WHERE r.standard_id = ANY($1::uuid[]) AND r.channel = 'all' AND r.certified_at IS NOT NULL AND ${PUBLISHED}
        ORDER BY 1`,
      [standardIds],
    );
    return rows.map((r) => r.fiscalYear);
  }

  /** When each standard's results were last certified. */
  async lastCertified(standardIds: string[]): Promise<Map<string, Date>> {
    if (standardIds.length === 0) return new Map();
    const rows: { standardId: string; at: Date }[] = await this.dataSource.query(
      `SELECT r.standard_id AS "standardId", max(r.certified_at) AS at
         FROM results r
        WHERE r.standard_id = ANY($1::uuid[]) AND r.certified_at IS NOT NULL
        GROUP BY r.standard_id`,
      [standardIds],
    );
    return new Map(rows.map((r) => [r.standardId, r.at]));
  }

  /** When each agency's public results were last certified (or, without results, its standards published). */
  async agencyModified(): Promise<Map<string, Date>> {
    const rows: { agencyId: string; at: Date }[] = await this.dataSource.query(
      `SELECT s.agency_id AS "agencyId", greatest(max(v.published_at), max(r.certified_at)) AS at
         FROM standards s
         JOIN standard_versions v ON v.id = s.published_version_id
         LEFT JOIN results r ON r.standard_id = s.id AND r.certified_at IS NOT NULL
        WHERE ${PUBLISHED}
        GROUP BY s.agency_id`,
    );
    return new Map(rows.map((r) => [r.agencyId, r.at]));
  }

  async benchmarks(standardIds: string[]): Promise<BenchmarkRow[]> {
    if (standardIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT sb.standard_id AS "standardId", b.id AS "benchmarkId", b.name, b.description, b.source_organization AS "sourceOrganization",
              b.source_url AS "sourceUrl", b.year, b.value::float8 AS value, b.unit
         FROM standard_benchmarks sb
         JOIN benchmarks b ON b.id = sb.benchmark_id
         JOIN standards s ON s.id = sb.standard_id
        WHERE sb.standard_id = ANY($1::uuid[]) AND ${PUBLISHED}
        ORDER BY b.year, b.name`,
      [standardIds],
    );
  }

  /** The published versions of a published standard (the current one and those it superseded). */
  async versions(standardId: string): Promise<VersionRow[]> {
    return this.dataSource.query(
      `SELECT v.version, v.title, v.statement, v.measure_description AS "measureDescription",
              v.published_at AS "publishedAt", v.id = s.published_version_id AS current
         FROM standard_versions v JOIN standards s ON s.id = v.standard_id
        WHERE v.standard_id = $1 AND ${PUBLISHED}
          AND (v.id = s.published_version_id OR (v.status = 'superseded' AND v.published_at IS NOT NULL))
        ORDER BY v.version DESC`,
      [standardId],
    );
  }

  /** The published versions (current and superseded) of published standards, oldest first: the wording in force. */
  async versionsOf(standardIds: string[]): Promise<(VersionRow & { standardId: string })[]> {
    if (standardIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT v.standard_id AS "standardId", v.version, v.title, v.statement,
              v.measure_description AS "measureDescription", v.published_at AS "publishedAt",
              v.id = s.published_version_id AS current
         FROM standard_versions v JOIN standards s ON s.id = v.standard_id
        WHERE v.standard_id = ANY($1::uuid[]) AND ${PUBLISHED}
          AND (v.id = s.published_version_id OR (v.status = 'superseded' AND v.published_at IS NOT NULL))
        ORDER BY v.standard_id, v.version`,
      [standardIds],
    );
  }

  /** Agencies with at least one published standard (themselves or through a bureau), by name. */
  async agencies(): Promise<AgencyRow[]> {
    return this.dataSource.query(
      `SELECT a.id, a.slug, a.name, a.abbreviation, a.website_url AS "websiteUrl", a.parent_id AS "parentId",
              a.fiscal_year_start_month AS "fiscalYearStartMonth",
              a.bureau_code AS "bureauCode", a.program_codes AS "programCodes", a.contact_email AS "contactEmail"
         FROM agencies a
        WHERE EXISTS (SELECT 1 FROM standards s WHERE ${PUBLISHED} AND (s.agency_id = a.id OR s.agency_id IN
                       (SELECT c.id FROM agencies c WHERE c.parent_id = a.id)))
        ORDER BY a.name`,
    );
  }

  /**
   * Published customer feedback collections of some services or agencies (bureaus are not added: pass their
   * ids), oldest quarter first, with their scores; never a draft, a submitted collection or any free text.
   */
  async cxCollections(filter: {
    ids?: string[];
    serviceIds?: string[];
    agencyIds?: string[];
  }): Promise<CxCollectionBody[]> {
    const where: FindOptionsWhere<CxCollection> = { status: 'published' };
    if (filter.ids) where.id = In(filter.ids);
    if (filter.serviceIds) where.serviceId = In(filter.serviceIds);
    if (filter.agencyIds) where.agencyId = In(filter.agencyIds);
    const found = await this.dataSource.manager.find(CxCollection, {
      where,
      order: { fiscalYear: 'ASC', quarter: 'ASC' },
    });
    return collectionBodies(this.dataSource.manager, found, this.config.cxSmallSample);
  }

  /** Services with at least one published standard. */
  async services(
    filter: { ids?: string[]; agencyIds?: string[]; slug?: string; q?: string } = {},
  ): Promise<ServiceRow[]> {
    const where = [`EXISTS (SELECT 1 FROM standards s WHERE s.service_id = sv.id AND ${PUBLISHED})`];
    const params: unknown[] = [];
    if (filter.ids) {
      params.push(filter.ids);
      where.push(`sv.id = ANY($${params.length}::uuid[])`);
    }
    if (filter.agencyIds) {
      params.push(filter.agencyIds);
      where.push(`sv.agency_id = ANY($${params.length}::uuid[])`);
    }
    if (filter.slug !== undefined) {
      params.push(filter.slug);
      where.push(`sv.slug = $${params.length}`);
    }
    for (const word of words(filter.q)) {
      params.push(`%${escapeLike(word)}%`);
      where.push(`(sv.name ILIKE $${params.length} OR sv.description ILIKE $${params.length})`);
    }
    return this.dataSource.query(
      `SELECT sv.id, sv.agency_id AS "agencyId", sv.slug, sv.name, sv.description, sv.customers, sv.channels, sv.hisp,
              sv.public_url AS "publicUrl", sv.channel_details AS "channelDetails", sv.complaints
         FROM services sv
        WHERE ${where.join(' AND ')}
        ORDER BY sv.name`,
      params,
    );
  }

  /** An agency's published plans (their published version only; never a staff note), newest year first. */
  async plans(agencyId: string, fiscalYear?: number): Promise<PlanRow[]> {
    const params: unknown[] = [agencyId];
    if (fiscalYear !== undefined) params.push(fiscalYear);
    return this.dataSource.query(
      `SELECT p.id, p.fiscal_year AS "fiscalYear", v.version, v.summary, v.parts, v.standard_ids AS "standardIds",
              v.benchmark_ids AS "benchmarkIds", v.feedback_collection_ids AS "feedbackCollectionIds",
              v.employee_feedback_ids AS "employeeFeedbackIds", v.published_at AS "publishedAt"
         FROM plans p JOIN plan_versions v ON v.id = p.published_version_id
        WHERE p.agency_id = $1 AND p.published_version_id IS NOT NULL
          ${fiscalYear !== undefined ? 'AND p.fiscal_year = $2' : ''}
        ORDER BY p.fiscal_year DESC`,
      params,
    );
  }

  /** Every published plan: agency, fiscal year and when its version was published, for the catalog. */
  async publishedPlans(): Promise<{ agencyId: string; fiscalYear: number; publishedAt: Date | null }[]> {
    return this.dataSource.query(
      `SELECT p.agency_id AS "agencyId", p.fiscal_year AS "fiscalYear", v.published_at AS "publishedAt"
         FROM plans p JOIN plan_versions v ON v.id = p.published_version_id
        ORDER BY p.fiscal_year DESC`,
    );
  }

  /** The published versions of a plan (the current one and those it superseded), newest first. */
  async planVersions(planId: string): Promise<PlanVersionRow[]> {
    return this.dataSource.query(
      `SELECT v.version, v.summary, v.published_at AS "publishedAt", (v.id = p.published_version_id) AS current
         FROM plan_versions v JOIN plans p ON p.id = v.plan_id
        WHERE v.plan_id = $1 AND v.status IN ('published', 'superseded')
        ORDER BY v.version DESC`,
      [planId],
    );
  }

  /** Employee feedback whose summary an approver published (never a staff note). */
  async employeeFeedback(ids: string[]): Promise<EmployeeFeedbackRow[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `SELECT f.id, sv.slug AS "serviceSlug", sv.name AS "serviceName", f.period_key AS "periodKey",
              f.employees_surveyed AS "employeesSurveyed", f.employees_responding AS "employeesResponding",
              f.barriers, f.ideas, f.summary
         FROM employee_feedback f JOIN services sv ON sv.id = f.service_id
        WHERE f.id = ANY($1::uuid[]) AND f.published_at IS NOT NULL
        ORDER BY sv.name, f.period_key`,
      [ids],
    );
  }
}

function words(q: string | undefined): string[] {
  return (q ?? '')
    .split(/\s+/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}
