import { createHash } from 'node:crypto';
import type { Channel, Computation, Dimension, Direction, GoalKind, ResultChannel, Unit } from '@yardstick/contracts';
import {
  DEFAULT_FISCAL_YEAR_START_MONTH,
  formatMonthName,
  targetProblems,
  type Frequency,
  type Period,
  type ValueRange,
} from '@yardstick/metrics';
import type { QueryRunner } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { GC_FISCAL_CALENDAR, type AprRecord, type GcServiceStandardRecord, type RowError } from './formats/index.js';
import type { StagedResult } from './results-loader.js';

// The files agencies already have (the Government of Canada service standards file, a performance.gov
// APR file) name departments, services, standards and targets as well as results. Their rows become
// RegistryRows; `writeRegistry` finds or creates each record by a stable key (set-based, one statement
// a kind of record), inside the import's transaction, and hands back the results to load.

/** A row of a registry file, in Yardstick's terms: what it names, and the target and result it gives. */
export type RegistryRow = {
  line: number;
  /** The record's number and identity in the file, named by every error about the row. */
  at?: Pick<RowError, 'record' | 'row'>;
  /** fiscalYearStartMonth: the calendar the file's periods are dated in (a new agency gets it; an existing one must have it). */
  agency: { abbreviation: string; name: string; slug: string; fiscalYearStartMonth: number };
  service: { slug: string; name: string; channels: Channel[] };
  /** APR: the strategic goal (and objective) the indicator serves. */
  goal: { code: string; title: string; objective: { code: string; title: string } | null } | null;
  standard: {
    code: string;
    title: string;
    statement: string;
    dimension: Dimension;
    measureDescription: string;
    unit: Unit;
    computation: Computation;
    direction: Direction;
    channelScope: Channel[];
    frequency: Frequency;
    /** The source's rounding rule (decimals, half to even) before comparing; null: exact. */
    resultRounding: number | null;
    valueRange: ValueRange | null;
  };
  target: { fiscalYear: number; value: number | null; min: number | null; max: number | null } | null;
  result: {
    period: Period;
    channel: ResultChannel;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    source: string;
    dataQualityNote: string | null;
    explanation: { why: string; action: string } | null;
  } | null;
};

/** Ids of the registry records an import created, for the audit trail. */
export type CreatedRecords = { agencies: string[]; services: string[]; goals: string[]; standards: string[] };

export type RegistryCounts = {
  agenciesCreated: number;
  servicesCreated: number;
  goalsCreated: number;
  standardsCreated: number;
  targetsInserted: number;
  targetsUpdated: number;
  targetsUnchanged: number;
};

/**
 * Canada rounds performance (a fraction) to 4 decimals, half to even, before comparing it with the target:
 * 2 decimals of the percent Yardstick stores (51,811 of 51,813 is 99.9961%, 100.00%: met there).
 */
export const GC_RESULT_ROUNDING = 2;

/** GC comments are one field: kept as the explanation's why; the file has nothing for the action. */
export const GC_EXPLANATION_ACTION =
  'Not stated: the Government of Canada file has one comments field, kept as the why.';

export function gcRegistryRow(
  line: number,
  record: GcServiceStandardRecord,
  at?: Pick<RowError, 'record' | 'row'>,
): RegistryRow {
  const { department, service, standard, result } = record;
  const agencySlug = slugOf(department.code);
  const channelName = standard.channel.replace('_', ' ');
  return {
    line,
    ...(at ? { at } : {}),
    agency: {
      abbreviation: department.abbreviation,
      name: department.name,
      slug: agencySlug,
      fiscalYearStartMonth: GC_FISCAL_CALENDAR.startMonth,
    },
    service: { slug: slugOf(`${agencySlug}-${service.id}`), name: service.name, channels: [standard.channel] },
    goal: null,
    standard: {
      code: standard.code,
      title: clip(standard.statement, 200),
      statement: standard.statement,
      dimension: standard.dimension,
      measureDescription:
        `Share of ${channelName} transactions that met the standard in the fiscal year: volume_meeting_target / ` +
        `total_volume of the Government of Canada service standards file (service ${service.id}, standard ${standard.sourceId}).` +
        (standard.channelComment ? ` Channel: ${standard.channelComment}` : ''),
      unit: standard.unit,
      computation: standard.computation,
      direction: standard.direction,
      channelScope: [standard.channel],
      frequency: standard.frequency,
      resultRounding: GC_RESULT_ROUNDING,
      valueRange: null,
    },
    target: record.target && {
      fiscalYear: record.target.period.fiscalYear,
      value: record.target.value,
      min: null,
      max: null,
    },
    result: {
      period: result.period,
      channel: result.channel,
      value: result.value,
      numerator: result.numerator,
      denominator: result.denominator,
      source: result.source,
      dataQualityNote: result.dataQualityNote,
      explanation: result.explanationText ? { why: result.explanationText, action: GC_EXPLANATION_ACTION } : null,
    },
  };
}

const APR_COMPUTATION: Record<Unit, Computation> = {
  percent: 'share_meeting_threshold',
  count: 'total',
  currency: 'total',
  score: 'mean',
  days: 'mean',
  hours: 'mean',
  minutes: 'mean',
};

/** An APR row of the agency the import was made for (the file does not name it). */
export function aprRegistryRow(
  line: number,
  record: AprRecord,
  agency: { abbreviation: string; name: string; slug: string },
  at?: Pick<RowError, 'record' | 'row'>,
): RegistryRow {
  const { indicator, goal, period } = record;
  const goalCode = `APR-G-${shortHash(goal.title.toLowerCase())}`;
  return {
    line,
    ...(at ? { at } : {}),
    // performance.gov files report US federal fiscal years.
    agency: { ...agency, fiscalYearStartMonth: DEFAULT_FISCAL_YEAR_START_MONTH },
    service: { slug: `${agency.slug}-annual-performance-report`, name: 'Annual performance report', channels: [] },
    goal: {
      code: goalCode,
      title: goal.title,
      objective: goal.objective
        ? {
            code: `APR-O-${shortHash(`${goal.title.toLowerCase()}\u0000${goal.objective.toLowerCase()}`)}`,
            title: goal.objective,
          }
        : null,
    },
    standard: {
      code: `APR-${shortHash(indicator.key)}`,
      title: clip(indicator.title, 200),
      statement: indicator.title,
      dimension: 'other',
      measureDescription:
        [indicator.description, indicator.notes].filter(Boolean).join(' ') ||
        `${indicator.title} (${indicator.sourceUnit}), as reported in the annual performance report.`,
      unit: indicator.unit,
      // A percent that may be negative (a change, a margin) is not a share of transactions.
      computation: indicator.valueRange && indicator.unit === 'percent' ? 'mean' : APR_COMPUTATION[indicator.unit],
      direction: indicator.direction,
      channelScope: [],
      frequency: 'year',
      resultRounding: null,
      valueRange: indicator.valueRange,
    },
    target: record.target && { fiscalYear: period.fiscalYear, ...record.target },
    result: record.result && {
      period,
      channel: 'all',
      value: record.result.value,
      numerator: null,
      denominator: null,
      source: `Annual performance report file, ${period.key}`,
      dataQualityNote: null,
      explanation: null,
    },
  };
}

type Query = <T>(sql: string, parameters?: unknown[]) => Promise<T[]>;

/**
 * Finds or creates the agencies, services, goals, standards and targets the rows name, inside the
 * caller's transaction. Rows that cannot be written (an agency the caller may not add or write to, a
 * standard that is retired or measured differently) are reported and left out. Returns the results to
 * load, each naming its standard by id. New standards are drafts: an approver reviews and publishes them.
 */
export async function writeRegistry(
  runner: QueryRunner,
  auth: AuthContext,
  rows: RegistryRow[],
  addErrors: (errors: RowError[]) => void,
): Promise<{ counts: RegistryCounts; created: CreatedRecords; results: StagedResult[] }> {
  const query: Query = (sql, parameters) => runner.query(sql, parameters);
  const counts: RegistryCounts = {
    agenciesCreated: 0,
    servicesCreated: 0,
    goalsCreated: 0,
    standardsCreated: 0,
    targetsInserted: 0,
    targetsUpdated: 0,
    targetsUnchanged: 0,
  };
  const created: CreatedRecords = { agencies: [], services: [], goals: [], standards: [] };
  let live = rows;
  const drop = (refused: Map<string, string>, keyOf: (row: RegistryRow) => string, column: string): void => {
    if (refused.size === 0) return;
    live = live.filter((row) => {
      const reason = refused.get(keyOf(row));
      if (reason === undefined) return true;
      addErrors([{ line: row.line, ...row.at, column, reason }]);
      return false;
    });
  };

  // Agencies, by abbreviation (what the template's rows name them by too).
  const agencyKey = (row: RegistryRow): string => row.agency.abbreviation.toUpperCase();
  const wanted = unique(live, agencyKey, (row) => row.agency);
  const agencyIds = new Map<string, string>();
  const startMonths = new Map<string, number>();
  const findAgencies = async (): Promise<void> => {
    for (const found of await query<{ id: string; abbreviation: string; fiscal_year_start_month: number }>(
      `SELECT id, abbreviation, fiscal_year_start_month FROM agencies WHERE upper(abbreviation) = ANY($1)`,
      [[...wanted.keys()]],
    )) {
      agencyIds.set(found.abbreviation.toUpperCase(), found.id);
      startMonths.set(found.abbreviation.toUpperCase(), found.fiscal_year_start_month);
    }
  };
  await findAgencies();
  const missing = [...wanted].filter(([key]) => !agencyIds.has(key)).map(([, agency]) => agency);
  if (missing.length > 0 && auth.can('agencies:manage')) {
    const added = await query<{ id: string }>(
      `INSERT INTO agencies (name, abbreviation, slug, fiscal_year_start_month)
       SELECT name, abbreviation, slug, "fiscalYearStartMonth" FROM jsonb_to_recordset($1::jsonb)
         AS a(name text, abbreviation text, slug text, "fiscalYearStartMonth" smallint)
       ON CONFLICT DO NOTHING RETURNING id`,
      [JSON.stringify(missing)],
    );
    created.agencies = added.map((a) => a.id);
    counts.agenciesCreated = added.length;
    await findAgencies();
  }
  const refusedAgencies = new Map<string, string>();
  for (const [key, agency] of wanted) {
    const id = agencyIds.get(key);
    if (id === undefined) {
      refusedAgencies.set(
        key,
        auth.can('agencies:manage')
          ? `department ${agency.abbreviation} could not be added: its slug ${agency.slug} is taken by another agency`
          : `department ${agency.abbreviation} (${agency.name}) is not in Yardstick: an administrator adds it, or imports the file`,
      );
    } else if (!auth.can('registry:write', id) || !auth.can('results:write', id)) {
      refusedAgencies.set(key, `you may not write standards and results for ${agency.abbreviation}`);
    } else if (startMonths.get(key) !== agency.fiscalYearStartMonth) {
      // The file's periods are dated in its own calendar; stored in another, they would be wrong.
      refusedAgencies.set(
        key,
        `department ${agency.abbreviation}'s fiscal year starts in ${formatMonthName(startMonths.get(key)!)}, but this file's years start in ${formatMonthName(agency.fiscalYearStartMonth)}: an administrator sets its fiscal year start month to ${agency.fiscalYearStartMonth} first`,
      );
    }
  }
  drop(refusedAgencies, agencyKey, 'owner_org');

  // Services, by slug (made from the department and the file's service id).
  const services = unique(
    live,
    (row) => row.service.slug,
    (row) => ({
      ...row.service,
      agencyId: agencyIds.get(agencyKey(row))!,
      channels: new Set<Channel>(),
    }),
  );
  for (const row of live)
    for (const channel of row.service.channels) services.get(row.service.slug)!.channels.add(channel);
  const createdServices = await query<{ id: string }>(
    `INSERT INTO services (agency_id, name, slug, channels)
     SELECT agency_id, name, slug, channels FROM jsonb_to_recordset($1::jsonb)
       AS s(agency_id uuid, name text, slug text, channels text[])
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      JSON.stringify(
        [...services.values()].map((s) => ({
          agency_id: s.agencyId,
          name: s.name,
          slug: s.slug,
          channels: [...s.channels],
        })),
      ),
    ],
  );
  created.services = createdServices.map((c) => c.id);
  counts.servicesCreated = createdServices.length;
  const serviceIds = new Map<string, string>();
  const refusedServices = new Map<string, string>();
  for (const found of await query<{ id: string; slug: string; agency_id: string }>(
    `SELECT id, slug, agency_id FROM services WHERE slug = ANY($1)`,
    [[...services.keys()]],
  )) {
    if (found.agency_id === services.get(found.slug)!.agencyId) serviceIds.set(found.slug, found.id);
    else refusedServices.set(found.slug, `the service key ${found.slug} belongs to another agency`);
  }
  drop(refusedServices, (row) => row.service.slug, 'service_id');

  // Goals and objectives (APR), by code within the agency.
  const goalIds = new Map<string, string>();
  const goals: { agencyId: string; code: string; title: string; kind: GoalKind; parent: string | null }[] = [];
  const seenGoals = new Set<string>();
  for (const row of live) {
    if (!row.goal) continue;
    const agencyId = agencyIds.get(agencyKey(row))!;
    const entries: { code: string; title: string; kind: GoalKind; parent: string | null }[] = [
      { code: row.goal.code, title: row.goal.title, kind: 'strategic_goal', parent: null },
    ];
    if (row.goal.objective) entries.push({ ...row.goal.objective, kind: 'strategic_objective', parent: row.goal.code });
    for (const entry of entries) {
      if (seenGoals.has(`${agencyId}/${entry.code}`)) continue;
      seenGoals.add(`${agencyId}/${entry.code}`);
      goals.push({ agencyId, ...entry });
    }
  }
  if (goals.length > 0) {
    for (const level of [goals.filter((g) => !g.parent), goals.filter((g) => g.parent)]) {
      const added = await query<{ id: string }>(
        `INSERT INTO goals (agency_id, kind, code, title, parent_id)
         SELECT g.agency_id, g.kind, g.code, g.title, p.id
         FROM jsonb_to_recordset($1::jsonb) AS g(agency_id uuid, kind text, code text, title text, parent text)
         LEFT JOIN goals p ON p.agency_id = g.agency_id AND p.code = g.parent
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          JSON.stringify(
            level.map((g) => ({ agency_id: g.agencyId, kind: g.kind, code: g.code, title: g.title, parent: g.parent })),
          ),
        ],
      );
      created.goals.push(...added.map((g) => g.id));
      counts.goalsCreated += added.length;
    }
    for (const found of await query<{ id: string; agency_id: string; code: string }>(
      `SELECT id, agency_id, code FROM goals WHERE agency_id = ANY($1) AND code = ANY($2)`,
      [[...new Set(goals.map((g) => g.agencyId))], goals.map((g) => g.code)],
    ))
      goalIds.set(`${found.agency_id}/${found.code}`, found.id);
  }

  // Standards, by code within the agency; a new one is a draft with its first version.
  const standardKey = (row: RegistryRow): string => `${agencyIds.get(agencyKey(row))}/${row.standard.code}`;
  // A KPI declared as a signed percent on any of its rows is declared so on all (the file's order does not matter).
  const widened = new Set(live.filter((row) => row.standard.valueRange !== null).map(standardKey));
  const standards = unique(live, standardKey, (row) => {
    const agencyId = agencyIds.get(agencyKey(row))!;
    const goal = row.goal && (row.goal.objective?.code ?? row.goal.code);
    const declared = widened.has(standardKey(row))
      ? live.find((r) => standardKey(r) === standardKey(row) && r.standard.valueRange !== null)!.standard
      : row.standard;
    return {
      ...row.standard,
      valueRange: declared.valueRange,
      computation: declared.computation,
      agencyId,
      serviceId: serviceIds.get(row.service.slug)!,
      goalId: goal ? (goalIds.get(`${agencyId}/${goal}`) ?? null) : null,
    };
  });
  const createdStandards = await query<{ id: string; version_id: string }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS s(agency_id uuid, service_id uuid, code text, title text,
         statement text, dimension text, measure_description text, unit text, computation text, direction text,
         channel_scope text[], frequency text, goal_id uuid, result_rounding smallint, value_range jsonb)
     ),
     created AS (
       INSERT INTO standards (agency_id, service_id, code, status)
       SELECT agency_id, service_id, code, 'draft' FROM input
       ON CONFLICT DO NOTHING RETURNING id, agency_id, code
     ),
     versions AS (
       INSERT INTO standard_versions (standard_id, version, status, title, statement, dimension, measure_description,
         unit, computation, direction, channel_scope, frequency, goal_id, result_rounding, value_range)
       SELECT c.id, 1, 'draft', i.title, i.statement, i.dimension, i.measure_description, i.unit, i.computation,
         i.direction, i.channel_scope, i.frequency, i.goal_id, i.result_rounding, i.value_range
       FROM created c JOIN input i ON i.agency_id = c.agency_id AND i.code = c.code
       RETURNING id, standard_id
     )
     SELECT standard_id AS id, id AS version_id FROM versions`,
    [
      JSON.stringify(
        [...standards.values()].map((s) => ({
          agency_id: s.agencyId,
          service_id: s.serviceId,
          code: s.code,
          title: s.title,
          statement: s.statement,
          dimension: s.dimension,
          measure_description: s.measureDescription,
          unit: s.unit,
          computation: s.computation,
          direction: s.direction,
          channel_scope: s.channelScope,
          frequency: s.frequency,
          goal_id: s.goalId,
          result_rounding: s.resultRounding,
          value_range: s.valueRange,
        })),
      ),
    ],
  );
  if (createdStandards.length > 0) {
    await query(
      `UPDATE standards s SET pending_version_id = c.version_id
       FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, version_id uuid) WHERE s.id = c.id`,
      [JSON.stringify(createdStandards)],
    );
  }
  created.standards = createdStandards.map((c) => c.id);
  counts.standardsCreated = createdStandards.length;
  const standardIds = new Map<string, string>();
  const measuredBy = new Map<string, { direction: Direction; valueRange: ValueRange | null }>();
  const refusedStandards = new Map<string, string>();
  for (const found of await query<{
    id: string;
    agency_id: string;
    code: string;
    status: string;
    unit: string;
    frequency: string;
    direction: Direction;
    value_range: ValueRange | null;
  }>(
    `SELECT s.id, s.agency_id, s.code, s.status, v.unit, v.frequency, v.direction, v.value_range
     FROM standards s
     JOIN jsonb_to_recordset($1::jsonb) AS k(agency_id uuid, code text) ON k.agency_id = s.agency_id AND k.code = s.code
     JOIN standard_versions v ON v.id = coalesce(s.published_version_id, s.pending_version_id)`,
    [JSON.stringify([...standards.values()].map((s) => ({ agency_id: s.agencyId, code: s.code })))],
  )) {
    const key = `${found.agency_id}/${found.code}`;
    const planned = standards.get(key)!;
    if (found.status === 'retired') refusedStandards.set(key, `standard ${found.code} is retired`);
    else if (found.unit !== planned.unit || found.frequency !== planned.frequency) {
      refusedStandards.set(
        key,
        `standard ${found.code} exists, measured in ${found.unit} by ${found.frequency}, not in ${planned.unit} by ${planned.frequency}`,
      );
    } else {
      standardIds.set(key, found.id);
      measuredBy.set(key, { direction: found.direction, valueRange: found.value_range });
    }
  }
  drop(refusedStandards, standardKey, 'standard');

  // Targets, one a standard and fiscal year: a changed figure replaces the old one. Each passes the API's own
  // rule for the standard as stored (libs/metrics targetProblems): what PUT /targets would refuse is not kept.
  const targets = live.filter((row) => {
    if (row.target === null) return false;
    const stored = measuredBy.get(standardKey(row))!;
    const problems = targetProblems(stored.direction, row.standard.unit, row.target, stored.valueRange);
    if (problems.length === 0) return true;
    addErrors(
      problems.map((p) => ({
        line: row.line,
        ...row.at,
        column: 'target',
        reason: `the FY${row.target!.fiscalYear} target is not kept: ${p.field} ${p.reason}`,
      })),
    );
    return false;
  });
  if (targets.length > 0) {
    const written = await query<{ inserted: boolean }>(
      `INSERT INTO targets (standard_id, fiscal_year, quarter, value, min_value, max_value, unit)
       SELECT standard_id, fiscal_year, 0, value, min_value, max_value, unit
       FROM jsonb_to_recordset($1::jsonb) AS t(standard_id uuid, fiscal_year smallint, value numeric,
         min_value numeric, max_value numeric, unit text)
       ON CONFLICT (standard_id, fiscal_year, quarter) DO UPDATE SET value = EXCLUDED.value,
         min_value = EXCLUDED.min_value, max_value = EXCLUDED.max_value, updated_at = now()
       WHERE (targets.value, targets.min_value, targets.max_value)
         IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.min_value, EXCLUDED.max_value)
       RETURNING (xmax = 0) AS inserted`,
      [
        JSON.stringify(
          targets.map((row) => ({
            standard_id: standardIds.get(standardKey(row)),
            fiscal_year: row.target!.fiscalYear,
            value: row.target!.value,
            min_value: row.target!.min,
            max_value: row.target!.max,
            unit: row.standard.unit,
          })),
        ),
      ],
    );
    counts.targetsInserted = written.filter((t) => t.inserted).length;
    counts.targetsUpdated = written.length - counts.targetsInserted;
    counts.targetsUnchanged = targets.length - written.length;
  }

  const results: StagedResult[] = [];
  for (const row of live) {
    const { result } = row;
    if (!result) continue;
    results.push({
      standardId: standardIds.get(standardKey(row))!,
      agencyId: agencyIds.get(agencyKey(row))!,
      periodKey: result.period.key,
      frequency: result.period.frequency,
      periodStart: result.period.start,
      periodEnd: result.period.end,
      fiscalYear: result.period.fiscalYear,
      channel: result.channel,
      value: result.value,
      numerator: result.numerator,
      denominator: result.denominator,
      sampleSize: null,
      source: result.source,
      dataQualityNote: result.dataQualityNote,
      explanationWhy: result.explanation?.why ?? null,
      explanationAction: result.explanation?.action ?? null,
    });
  }
  return { counts, created, results };
}

function unique<T>(
  rows: RegistryRow[],
  keyOf: (row: RegistryRow) => string,
  make: (row: RegistryRow) => T,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) {
    const key = keyOf(row);
    if (!map.has(key)) map.set(key, make(row));
  }
  return map;
}

/** A lower-case slug: letters, digits and single hyphens. */
export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10).toUpperCase();
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
