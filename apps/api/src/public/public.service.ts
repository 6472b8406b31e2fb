import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type {
  PublicAgency,
  PublicAgencyRef,
  PublicEmbed,
  PublicHome,
  PublicReport,
  PublicReportStandard,
  PublicResult,
  PublicService as PublicServicePage,
  PublicStandard,
  PublicStandardSummary,
  PublicYearTally,
} from '@yardstick/contracts';
import {
  changeFromPrevious,
  combineRecords,
  DEFAULT_GRACE_DAYS,
  fiscalYearOf,
  formatPeriodLabel,
  recordQuarters,
  type Period,
  type ReportingRecord,
} from '@yardstick/metrics';
import { freshnessOf, standardRecord, toPublicRecord, type FreshnessInput } from './freshness.js';
import { NotFoundAppException } from '../common/errors/app.exception.js';
import {
  groupBy,
  METHODOLOGY,
  ruleOf,
  statusOf,
  summaryOf,
  tallyOf,
  toPublicBenchmark,
  toPublicResult,
  toPublicTarget,
  yearFigure,
  yearTarget,
} from './public.model.js';
import { PublicQueries, type AgencyRow, type ResultRow, type StandardRow } from './public.queries.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RECENT = 10;
const YEARS_ON_AGENCY_PAGE = 5;

/** A row of the open data files (CSV and JSON): one certified result of a published standard. */
export type PublicResultRecord = {
  agency: string;
  agency_name: string;
  service: string;
  standard_id: string;
  standard_code: string;
  standard_title: string;
  dimension: string;
  unit: string;
  direction: string;
  period: string;
  period_start: string;
  period_end: string;
  fiscal_year: number;
  channel: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sample_size: number | null;
  target: number | null;
  status: string;
  source: string | null;
  data_quality_note: string | null;
  explanation_why: string | null;
  explanation_action: string | null;
  revision: number;
  certified_at: string;
};

/** Builds every public page's data from PublicQueries: published standards and certified results only. */
@Injectable()
export class PublicService {
  constructor(
    private readonly queries: PublicQueries,
    private readonly clock: Clock,
  ) {}

  currentFiscalYear(): number {
    return fiscalYearOf(this.clock.now());
  }

  async home(q?: string): Promise<PublicHome> {
    const standards = await this.queries.standards();
    const summaries = await this.summaries(standards);
    const agencies = await this.queries.agencies();
    const byAgency = groupBy(summaries, (s) => s.agency.slug);
    const childrenOf = groupBy(agencies, (a) => a.parentId);
    const { quarters, byStandard } = await this.reportingRecords(standards);
    const agencySummaries = agencies.map((agency) => {
      const own = [agency, ...(childrenOf.get(agency.id) ?? [])].flatMap((a) => byAgency.get(a.slug) ?? []);
      return {
        ...refOf(agency),
        websiteUrl: agency.websiteUrl,
        services: new Set(own.map((s) => s.service.slug)).size,
        standards: own.length,
        tally: tallyOf(own.map(statusOfSummary)),
        reportingRecord: toPublicRecord(combineRecords(own.map((s) => byStandard.get(s.id)!)), quarters),
      };
    });
    const rankedByRecord = agencySummaries
      .filter((a) => a.reportingRecord.share !== null)
      .sort(
        (a, b) =>
          b.reportingRecord.share! - a.reportingRecord.share! ||
          b.reportingRecord.expected - a.reportingRecord.expected ||
          a.name.localeCompare(b.name),
      )
      .map((a) => ({ slug: a.slug, name: a.name, abbreviation: a.abbreviation, reportingRecord: a.reportingRecord }));
    const query = q?.trim().slice(0, 100) ?? '';
    return {
      fiscalYear: this.currentFiscalYear(),
      tally: tallyOf(summaries.map(statusOfSummary)),
      agencies: agencySummaries,
      rankedByRecord,
      recentlyUpdated: [...summaries]
        .filter((s) => s.latest)
        .sort((a, b) => (b.lastUpdated ?? '').localeCompare(a.lastUpdated ?? '') || a.title.localeCompare(b.title))
        .slice(0, RECENT),
      search: query ? await this.search(query, summaries, agencies) : null,
    };
  }

  private async search(q: string, all: PublicStandardSummary[], agencies: AgencyRow[]): Promise<PublicHome['search']> {
    const matching = new Set((await this.queries.standards({ q })).map((s) => s.id));
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const agencyById = new Map(agencies.map((a) => [a.id, a]));
    const services = await this.queries.services({ q });
    return {
      q,
      agencies: agencies
        .filter((a) => words.every((w) => `${a.name} ${a.abbreviation}`.toLowerCase().includes(w)))
        .map(refOf),
      services: services
        .filter((s) => agencyById.has(s.agencyId))
        .map((s) => ({ slug: s.slug, name: s.name, agency: refOf(agencyById.get(s.agencyId)!) })),
      standards: all.filter((s) => matching.has(s.id)).slice(0, 50),
    };
  }

  async agency(slug: string): Promise<PublicAgency> {
    const agencies = await this.queries.agencies();
    const agency = agencies.find((a) => a.slug === slug);
    if (!agency) throw new NotFoundAppException('Agency', slug);
    const bureaus = agencies.filter((a) => a.parentId === agency.id);
    const parent = agencies.find((a) => a.id === agency.parentId) ?? null;
    const standards = await this.queries.standards({ agencyIds: [agency.id, ...bureaus.map((b) => b.id)] });
    const summaries = await this.summaries(standards);
    const bySlug = groupBy(summaries, (s) => s.service.slug);
    const services = await this.queries.services({ agencyIds: [agency.id, ...bureaus.map((b) => b.id)] });

    const ids = standards.map((s) => s.id);
    const current = this.currentFiscalYear();
    const years = Array.from({ length: YEARS_ON_AGENCY_PAGE }, (_, i) => current - YEARS_ON_AGENCY_PAGE + 1 + i);
    const [targets, results] = await Promise.all([
      this.queries.targets(ids),
      this.queries.results(ids, { fiscalYears: years, allChannelsOnly: true }),
    ]);
    const targetsBy = groupBy(targets, (t) => t.standardId);
    const resultsBy = groupBy(results, (r) => `${r.standardId} ${r.fiscalYear}`);
    const byYear: PublicYearTally[] = years
      .map((fiscalYear) => ({
        fiscalYear,
        ...tallyOf(
          standards.map((s) =>
            statusOf(
              s,
              yearTarget(targetsBy.get(s.id) ?? [], fiscalYear),
              yearFigure(s, resultsBy.get(`${s.id} ${fiscalYear}`) ?? []).value,
            ),
          ),
        ),
      }))
      .filter((y) => y.assessed + y.noData > 0);

    return {
      agency: { ...refOf(agency), websiteUrl: agency.websiteUrl, parent: parent ? refOf(parent) : null },
      bureaus: bureaus.map(refOf),
      services: services.map((s) => ({
        slug: s.slug,
        name: s.name,
        hisp: s.hisp,
        standards: bySlug.get(s.slug) ?? [],
      })),
      byYear,
      reportYears: [...new Set(results.map((r) => r.fiscalYear))].sort((a, b) => b - a),
      reportingRecord: await this.agencyRecord(standards),
    };
  }

  async service(slug: string): Promise<PublicServicePage> {
    const [service] = await this.queries.services({ slug });
    if (!service) throw new NotFoundAppException('Service', slug);
    const standards = await this.queries.standards({ serviceIds: [service.id] });
    const first = standards[0]!; // a public service has at least one published standard
    return {
      service: {
        slug: service.slug,
        name: service.name,
        description: service.description,
        customers: service.customers,
        channels: service.channels,
        hisp: service.hisp,
        publicUrl: service.publicUrl,
      },
      agency: { slug: first.agencySlug, name: first.agencyName, abbreviation: first.agencyAbbreviation },
      standards: await this.summaries(standards),
    };
  }

  async standard(id: string): Promise<PublicStandard> {
    const standard = await this.publishedStandard(id);
    const [targets, results, benchmarks, versions, lastCertified] = await Promise.all([
      this.queries.targets([id]),
      this.queries.results([id]),
      this.queries.benchmarks([id]),
      this.queries.versions(id),
      this.queries.lastCertified([id]),
    ]);
    const all = results.filter((r) => r.channel === 'all');
    const latestRow = all.at(-1);
    const latestKey = results.at(-1)?.periodKey;
    return {
      id: standard.id,
      code: standard.code,
      agency: { slug: standard.agencySlug, name: standard.agencyName, abbreviation: standard.agencyAbbreviation },
      service: { slug: standard.serviceSlug, name: standard.serviceName },
      version: standard.version,
      title: standard.title,
      statement: standard.statement,
      dimension: standard.dimension,
      measureDescription: standard.measureDescription,
      unit: standard.unit,
      computation: standard.computation,
      direction: standard.direction,
      thresholdValue: standard.thresholdValue,
      thresholdUnit: standard.thresholdUnit,
      channelScope: standard.channelScope,
      frequency: standard.frequency,
      indicatorKind: standard.indicatorKind,
      publishedAt: standard.publishedAt?.toISOString() ?? null,
      rule: ruleOf(standard),
      targets: targets.map((t) => toPublicTarget(t)!),
      benchmarks: benchmarks.map(toPublicBenchmark),
      latest: summaryOf(standard, targets, latestRow, undefined).latest,
      channels: results
        .filter((r) => r.periodKey === latestKey && r.channel !== 'all')
        .map((r) => toPublicResult(standard, targets, r)),
      results: all.map((r) => toPublicResult(standard, targets, r)),
      versions: versions.map((v) => ({
        version: v.version,
        title: v.title,
        statement: v.statement,
        measureDescription: v.measureDescription,
        publishedAt: v.publishedAt?.toISOString() ?? null,
        current: v.current,
      })),
      lastUpdated: (lastCertified.get(id) ?? standard.publishedAt)?.toISOString() ?? null,
      freshness: freshnessOf(
        {
          frequency: standard.frequency,
          targetYears: new Set(targets.map((t) => t.fiscalYear)),
          certified: new Map(all.map((r) => [r.periodKey, r.certifiedAt])),
        },
        lastCertified.get(id) ?? null,
        this.clock.today(),
      ),
    };
  }

  async embed(id: string): Promise<PublicEmbed> {
    const standard = await this.publishedStandard(id);
    const [summary] = await this.summaries([standard]);
    return { standard: summary!, measureDescription: standard.measureDescription, rule: ruleOf(standard) };
  }

  async report(slug: string, fiscalYear: number): Promise<PublicReport> {
    const agencies = await this.queries.agencies();
    const agency = agencies.find((a) => a.slug === slug);
    if (!agency) throw new NotFoundAppException('Agency', slug);
    if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > this.currentFiscalYear()) {
      throw new NotFoundAppException('Annual report', `${slug}/${fiscalYear}`);
    }
    const agencyIds = [agency.id, ...agencies.filter((a) => a.parentId === agency.id).map((a) => a.id)];
    const standards = await this.queries.standards({ agencyIds });
    const ids = standards.map((s) => s.id);
    const [targets, results, benchmarks] = await Promise.all([
      this.queries.targets(ids),
      this.queries.results(ids, { fiscalYears: [fiscalYear - 1, fiscalYear], allChannelsOnly: true }),
      this.queries.benchmarks(ids),
    ]);
    if (!results.some((r) => r.fiscalYear === fiscalYear)) {
      throw new NotFoundAppException('Annual report', `${slug}/${fiscalYear}`);
    }
    const targetsBy = groupBy(targets, (t) => t.standardId);
    const resultsBy = groupBy(results, (r) => `${r.standardId} ${r.fiscalYear}`);
    const benchmarksBy = groupBy(benchmarks, (b) => b.standardId);

    const rows = standards.map((s): PublicReportStandard & { serviceSlug: string; previousStatus: string } => {
      const ofYear = resultsBy.get(`${s.id} ${fiscalYear}`) ?? [];
      const target = yearTarget(targetsBy.get(s.id) ?? [], fiscalYear);
      const result = yearFigure(s, ofYear);
      const previous = yearFigure(s, resultsBy.get(`${s.id} ${fiscalYear - 1}`) ?? []);
      return {
        id: s.id,
        code: s.code,
        title: s.title,
        statement: s.statement,
        dimension: s.dimension,
        unit: s.unit,
        direction: s.direction,
        measureDescription: s.measureDescription,
        target: toPublicTarget(target),
        result,
        status: statusOf(s, target, result.value),
        previous,
        change: changeFromPrevious(result.value, previous.value)?.absolute ?? null,
        benchmarks: (benchmarksBy.get(s.id) ?? []).map(toPublicBenchmark),
        explanations: explanationsOf(ofYear),
        dataQualityNotes: ofYear
          .filter((r) => r.dataQualityNote)
          .map((r) => ({ periodKey: r.periodKey, note: r.dataQualityNote! })),
        serviceSlug: s.serviceSlug,
        previousStatus: statusOf(s, yearTarget(targetsBy.get(s.id) ?? [], fiscalYear - 1), previous.value),
      };
    });
    const byService = groupBy(rows, (r) => r.serviceSlug);
    const services = [...new Map(standards.map((s) => [s.serviceSlug, s.serviceName])).entries()]
      .map(([serviceSlug, name]) => ({
        slug: serviceSlug,
        name,
        standards: (byService.get(serviceSlug) ?? []).map(({ serviceSlug: _, previousStatus: __, ...rest }) => rest),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const uniqueBenchmarks = new Map(benchmarks.map((b) => [`${b.name} ${b.year} ${b.sourceOrganization}`, b]));
    return {
      agency: { ...refOf(agency), websiteUrl: agency.websiteUrl },
      fiscalYear,
      tally: tallyOf(rows.map((r) => r.status)),
      previousTally: tallyOf(rows.map((r) => r.previousStatus as PublicReportStandard['status'])),
      services,
      benchmarks: [...uniqueBenchmarks.values()].map(toPublicBenchmark),
      methodology: METHODOLOGY,
      reportingRecord: await this.agencyRecord(standards),
    };
  }

  /** Each agency's reporting record over the last four quarters, best first: the rows of reporting-records.csv. */
  async reportingRecordRows(): Promise<Record<string, unknown>[]> {
    const home = await this.home();
    return home.rankedByRecord.map((a, i) => ({
      rank: i + 1,
      agency: a.abbreviation,
      agency_name: a.name,
      quarters: a.reportingRecord.quarters.join(' | '),
      results_due: a.reportingRecord.expected,
      published_on_time: a.reportingRecord.onTime,
      published_late: a.reportingRecord.late,
      not_published: a.reportingRecord.missing,
      share_on_time: a.reportingRecord.share,
    }));
  }

  /** The record of these standards together: counts summed. */
  private async agencyRecord(standards: StandardRow[]) {
    const { quarters, byStandard } = await this.reportingRecords(standards);
    return toPublicRecord(combineRecords([...byStandard.values()]), quarters);
  }

  /** Each standard's record over the last four quarters whose results are due (libs/metrics reportingRecord). */
  private async reportingRecords(
    standards: StandardRow[],
  ): Promise<{ quarters: Period[]; byStandard: Map<string, ReportingRecord> }> {
    const today = this.clock.today();
    const quarters = recordQuarters(today, DEFAULT_GRACE_DAYS);
    const years = [...new Set(quarters.map((q) => q.fiscalYear))];
    const ids = standards.map((s) => s.id);
    const [targets, results] = await Promise.all([
      this.queries.targets(ids),
      this.queries.results(ids, { fiscalYears: years, allChannelsOnly: true }),
    ]);
    const targetsBy = groupBy(targets, (t) => t.standardId);
    const resultsBy = groupBy(results, (r) => r.standardId);
    const byStandard = new Map(
      standards.map((s) => {
        const input: FreshnessInput = {
          frequency: s.frequency,
          targetYears: new Set((targetsBy.get(s.id) ?? []).map((t) => t.fiscalYear)),
          certified: new Map((resultsBy.get(s.id) ?? []).map((r) => [r.periodKey, r.certifiedAt])),
        };
        return [s.id, standardRecord(input, quarters, today)] as const;
      }),
    );
    return { quarters, byStandard };
  }

  /** Every certified result of a published standard, as rows of the open data files. */
  async standardRecords(id: string): Promise<PublicResultRecord[]> {
    const standard = await this.publishedStandard(id);
    return this.records([standard]);
  }

  /** Every certified result of an agency's (and its bureaus') published standards. */
  async agencyRecords(slug: string): Promise<PublicResultRecord[]> {
    const agencies = await this.queries.agencies();
    const agency = agencies.find((a) => a.slug === slug);
    if (!agency) throw new NotFoundAppException('Agency', slug);
    const agencyIds = [agency.id, ...agencies.filter((a) => a.parentId === agency.id).map((a) => a.id)];
    return this.records(await this.queries.standards({ agencyIds }));
  }

  async agencyList(): Promise<AgencyRow[]> {
    return this.queries.agencies();
  }

  /** The open data catalog in the DCAT-US 1.1 (Project Open Data) schema: one dataset per agency. */
  async catalog(baseUrl: string): Promise<Record<string, unknown>> {
    const [agencies, modified] = await Promise.all([this.queries.agencies(), this.queries.agencyModified()]);
    const childrenOf = groupBy(agencies, (a) => a.parentId);
    return {
      '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
      '@id': `${baseUrl}/data.json`,
      '@type': 'dcat:Catalog',
      conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
      describedBy: 'https://project-open-data.cio.gov/v1.1/schema/catalog.json',
      dataset: agencies.map((agency) => {
        const dates = [agency, ...(childrenOf.get(agency.id) ?? [])]
          .map((a) => modified.get(a.id))
          .filter((d): d is Date => d !== undefined);
        const latest = dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : new Date(0);
        const api = `${baseUrl}/api/v1/public/agencies/${agency.slug}`;
        return {
          '@type': 'dcat:Dataset',
          identifier: `${baseUrl}/agencies/${agency.slug}#results`,
          title: `${agency.name}: customer service standards and results`,
          description: `The customer service standards ${agency.name} has published, their targets for each fiscal year, and every result the agency has certified for public release, by period and channel, with its status against the target and the explanation of any missed target.`,
          keyword: ['customer service', 'service standards', 'performance', agency.abbreviation],
          modified: latest.toISOString(),
          publisher: { '@type': 'org:Organization', name: agency.name },
          contactPoint: {
            '@type': 'vcard:Contact',
            fn: `${agency.name} performance office`,
            hasEmail: 'mailto:performance@yardstick.local',
          },
          accessLevel: 'public',
          bureauCode: ['000:00'],
          programCode: ['000:000'],
          license: 'https://creativecommons.org/publicdomain/zero/1.0/',
          landingPage: `${baseUrl}/agencies/${agency.slug}`,
          distribution: [
            {
              '@type': 'dcat:Distribution',
              title: 'Certified results (CSV)',
              downloadURL: `${api}/results.csv`,
              mediaType: 'text/csv',
              format: 'CSV',
            },
            {
              '@type': 'dcat:Distribution',
              title: 'Certified results (JSON)',
              downloadURL: `${api}/results.json`,
              mediaType: 'application/json',
              format: 'JSON',
            },
          ],
        };
      }),
    };
  }

  private async records(standards: StandardRow[]): Promise<PublicResultRecord[]> {
    const ids = standards.map((s) => s.id);
    const [targets, results] = await Promise.all([this.queries.targets(ids), this.queries.results(ids)]);
    const targetsBy = groupBy(targets, (t) => t.standardId);
    const byId = new Map(standards.map((s) => [s.id, s]));
    return results.map((row) => {
      const s = byId.get(row.standardId)!;
      const r: PublicResult = toPublicResult(s, targetsBy.get(s.id) ?? [], row);
      return {
        agency: s.agencyAbbreviation,
        agency_name: s.agencyName,
        service: s.serviceName,
        standard_id: s.id,
        standard_code: s.code,
        standard_title: s.title,
        dimension: s.dimension,
        unit: s.unit,
        direction: s.direction,
        period: r.periodKey,
        period_start: r.periodStart,
        period_end: r.periodEnd,
        fiscal_year: r.fiscalYear,
        channel: r.channel,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        sample_size: r.sampleSize,
        target: r.target,
        status: r.status,
        source: r.source,
        data_quality_note: r.dataQualityNote,
        explanation_why: r.explanation?.why ?? null,
        explanation_action: r.explanation?.action ?? null,
        revision: r.revision,
        certified_at: r.certifiedAt,
      };
    });
  }

  private async publishedStandard(id: string): Promise<StandardRow> {
    if (!UUID.test(id)) throw new NotFoundAppException('Standard', id);
    const [standard] = await this.queries.standards({ ids: [id] });
    if (!standard) throw new NotFoundAppException('Standard', id);
    return standard;
  }

  private async summaries(standards: StandardRow[]): Promise<PublicStandardSummary[]> {
    const ids = standards.map((s) => s.id);
    const [targets, latest, lastCertified] = await Promise.all([
      this.queries.targets(ids),
      this.queries.latestResults(ids),
      this.queries.lastCertified(ids),
    ]);
    const targetsBy = groupBy(targets, (t) => t.standardId);
    const latestBy = new Map(latest.map((r) => [r.standardId, r]));
    return standards.map((s) => summaryOf(s, targetsBy.get(s.id) ?? [], latestBy.get(s.id), lastCertified.get(s.id)));
  }
}

function refOf(agency: Pick<AgencyRow, 'slug' | 'name' | 'abbreviation'>): PublicAgencyRef {
  return { slug: agency.slug, name: agency.name, abbreviation: agency.abbreviation };
}

function statusOfSummary(summary: PublicStandardSummary) {
  return summary.latest?.status ?? 'no_data';
}

function explanationsOf(results: ResultRow[]): PublicReportStandard['explanations'] {
  return results
    .filter((r) => r.why !== null && r.action !== null)
    .map((r) => ({
      periodKey: r.periodKey,
      periodLabel: formatPeriodLabel(r.periodKey),
      why: r.why!,
      action: r.action!,
    }));
}
