import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type {
  CxCollectionBody,
  PublicAgency,
  PublicCxCollection,
  PublicCxSection,
  PublicCxSummaryItem,
  PublicAgencyRef,
  PublicContacts,
  PublicEmbed,
  PublicHome,
  PublicPlan,
  PublicReport,
  PublicReportingRecord,
  PublicReportStandard,
  PublicResult,
  PublicService as PublicServicePage,
  PublicStandard,
  PublicStandardSummary,
  PublicYearTally,
} from '@yardstick/contracts';
import { publicStandardPath } from '@yardstick/contracts';
import {
  changeFromPrevious,
  combineRecords,
  DEFAULT_GRACE_DAYS,
  fiscalCalendar,
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  formatFiscalYearName,
  formatFiscalYearSpan,
  formatPeriodLabel,
  parsePeriodKey,
  periodOf,
  recordQuarters,
  statusAgainstTarget,
  tallyStatuses,
  targetForPeriod,
  type FiscalCalendar,
  type Period,
} from '@yardstick/metrics';
import { freshnessOf, rankByRecord, standardRecord, toPublicRecord, type FreshnessInput } from './freshness.js';
import { NotFoundAppException } from '../common/errors/app.exception.js';
import {
  groupBy,
  METHODOLOGY,
  ruleOf,
  summaryOf,
  summaryTallyStatus,
  tallyStatusOf,
  toPublicBenchmark,
  toPublicResult,
  toPublicTarget,
  yearFigure,
} from './public.model.js';
import { planOf } from './public-plan.js';
import {
  PublicQueries,
  type AgencyRow,
  type ResultRow,
  type StandardRow,
  type TargetRow,
  type VersionRow,
} from './public.queries.js';
import type { TallyStatus } from '@yardstick/metrics';
import { transactionMeasureRule } from '../transactions/measures.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RECENT = 10;

/** A row of the open data files (CSV and JSON): one certified result of a published standard. */
export type PublicResultRecord = {
  agency: string;
  agency_name: string;
  service: string;
  standard_id: string;
  standard_code: string;
  /** The standard's public page (its readable, stable address). */
  standard_url: string;
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
  /** The 95% interval of a sampled result (sample_size), in the standard's unit. */
  ci95_lower: number | null;
  ci95_upper: number | null;
  target: number | null;
  status: string;
  /** A miss whose target lies within the 95% interval. */
  within_margin_of_error: boolean;
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

  /** The fiscal year today is in: the US federal one, or an agency's in its own calendar. */
  currentFiscalYear(calendar?: FiscalCalendar): number {
    return fiscalYearOf(this.clock.now(), calendar);
  }

  async home(q?: string): Promise<PublicHome> {
    const standards = await this.queries.standards();
    const placed = await this.placedSummaries(standards);
    const summaries = placed.map((p) => p.summary);
    const agencies = await this.queries.agencies();
    const byAgency = groupBy(placed, (p) => p.summary.agency.slug);
    const childrenOf = groupBy(agencies, (a) => a.parentId);
    const byId = new Map(agencies.map((a) => [a.id, a]));
    const calendarOfSlug = new Map(agencies.map((a) => [a.slug, fiscalCalendar(a.fiscalYearStartMonth)]));
    // A department's row includes its bureaus' standards, and says so; the headline counts each standard once.
    const records = await this.reportingRecordsOf(agencies, standards);
    const agencySummaries = agencies.map((agency) => {
      const bureaus = childrenOf.get(agency.id) ?? [];
      const own = [agency, ...bureaus].flatMap((a) => byAgency.get(a.slug) ?? []);
      const parent = agency.parentId ? byId.get(agency.parentId) : undefined;
      return {
        ...refOf(agency),
        websiteUrl: agency.websiteUrl,
        parent: parent ? refOf(parent) : null,
        bureaus: bureaus.map(refOf),
        services: new Set(own.map((p) => p.summary.service.slug)).size,
        standards: own.length,
        tally: tallyStatuses(own.map((p) => p.status)),
        reportingRecord: records.get(agency.id)!,
      };
    });
    const rankedByRecord = rankByRecord(agencies, records);
    const query = q?.trim().slice(0, 100) ?? '';
    return {
      fiscalYear: this.currentFiscalYear(),
      asOf: asOfQuarter(summaries, (slug) => calendarOfSlug.get(slug)),
      tally: tallyStatuses(placed.map((p) => p.status)),
      standards: standards.length,
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
    const placed = await this.placedSummaries(standards);
    const bySlug = groupBy(
      placed.map((p) => p.summary),
      (s) => s.service.slug,
    );
    const services = await this.queries.services({ agencyIds: [agency.id, ...bureaus.map((b) => b.id)] });
    const cx = await this.cxSummary(services);

    const ids = standards.map((s) => s.id);
    const calendar = fiscalCalendar(agency.fiscalYearStartMonth);
    // Every fiscal year with certified results, however old: an agency's history is not cut to recent years.
    const years = await this.queries.resultYears(ids);
    const [targets, results, awaiting] = await Promise.all([
      this.queries.targets(ids),
      this.queries.results(ids, { fiscalYears: years, allChannelsOnly: true }),
      this.queries.awaitingCertification(ids, { fiscalYears: years }),
    ]);
    const targetsBy = groupBy(targets, (t) => t.standardId);
    const resultsBy = groupBy(results, (r) => `${r.standardId} ${r.fiscalYear}`);
    const awaitingIn = new Set(awaiting.map((a) => `${a.standardId} ${a.fiscalYear}`));
    // Every year is listed with all its standards, those without a target included (as on the home page).
    const byYear: PublicYearTally[] = years.map((fiscalYear) => ({
      fiscalYear,
      ...tallyStatuses(
        standards.map((s) =>
          this.yearStatus(
            s,
            targetForPeriod(targetsBy.get(s.id) ?? [], { frequency: 'year', fiscalYear }),
            resultsBy.get(`${s.id} ${fiscalYear}`) ?? [],
            awaitingIn.has(`${s.id} ${fiscalYear}`),
          ),
        ),
      ),
    }));

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
      tally: tallyStatuses(placed.map((p) => p.status)),
      reportYears: [...years].sort((a, b) => b - a),
      fiscalYearNames: Object.fromEntries(years.map((y) => [y, formatFiscalYearName(y, calendar)])),
      planYears: (await this.queries.plans(agency.id)).map((p) => p.fiscalYear),
      ...(cx.length > 0 ? { cx } : {}),
      reportingRecord: (await this.reportingRecordsOf([agency, ...bureaus], standards)).get(agency.id)!,
    };
  }

  async service(slug: string): Promise<PublicServicePage> {
    const [service] = await this.queries.services({ slug });
    if (!service) throw new NotFoundAppException('Service', slug);
    const [standards, cx] = await Promise.all([
      this.queries.standards({ serviceIds: [service.id] }),
      this.queries.cxCollections({ serviceIds: [service.id] }),
    ]);
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
        channelDetails: service.channelDetails,
        complaints: service.complaints,
      },
      agency: { slug: first.agencySlug, name: first.agencyName, abbreviation: first.agencyAbbreviation },
      standards: await this.summaries(standards),
      ...(cx.length > 0 ? { cx: cx.map(toPublicCx) } : {}),
    };
  }

  /** A service's published customer feedback collections, for its JSON and CSV (404 when it has none). */
  async serviceCx(slug: string): Promise<PublicCxSection> {
    const page = await this.service(slug);
    if (!page.cx) throw new NotFoundAppException('Customer feedback of service', slug);
    return { service: { slug: page.service.slug, name: page.service.name }, agency: page.agency, collections: page.cx };
  }

  /** Each service's latest published collection, for the agency page and the annual report (up to a fiscal year). */
  async cxSummary(
    services: { id: string; slug: string; name: string }[],
    upToFiscalYear?: number,
  ): Promise<PublicCxSummaryItem[]> {
    if (services.length === 0) return [];
    const collections = (await this.queries.cxCollections({ serviceIds: services.map((s) => s.id) })).filter(
      (c) => upToFiscalYear === undefined || c.fiscalYear <= upToFiscalYear,
    );
    return services.flatMap((service) => {
      const latest = collections.filter((c) => c.serviceId === service.id).at(-1);
      if (!latest) return [];
      const trust = latest.scores.questions.find((q) => q.question === 'trust');
      return [
        {
          serviceSlug: service.slug,
          serviceName: service.name,
          periodKey: latest.periodKey,
          trustPercent: trust?.percentPositive ?? null,
          lower: trust?.lower ?? null,
          upper: trust?.upper ?? null,
          trustAverage: trust?.averageOnly ? trust.mean : null,
          respondents: latest.scores.respondents,
          responseRate: latest.scores.responseRate,
          smallSample: trust?.smallSample ?? false,
        },
      ];
    });
  }

  async standard(id: string): Promise<PublicStandard> {
    const standard = await this.publishedStandard(id);
    const [targets, results, benchmarks, versions, lastCertified, [service]] = await Promise.all([
      this.queries.targets([id]),
      this.queries.results([id]),
      this.queries.benchmarks([id]),
      this.queries.versions(id),
      this.queries.lastCertified([id]),
      this.queries.services({ ids: [standard.serviceId] }),
    ]);
    const all = results.filter((r) => r.channel === 'all');
    const latestRow = all.at(-1);
    const latestKey = results.at(-1)?.periodKey;
    return {
      id: standard.id,
      code: standard.code,
      agency: { slug: standard.agencySlug, name: standard.agencyName, abbreviation: standard.agencyAbbreviation },
      service: { slug: standard.serviceSlug, name: standard.serviceName },
      complaints: service?.complaints ?? null,
      version: standard.version,
      title: standard.title,
      statement: standard.statement,
      dimension: standard.dimension,
      measureDescription: withTransactionRule(standard),
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
          calendar: fiscalCalendar(standard.fiscalYearStartMonth),
        },
        lastCertified.get(id) ?? null,
        this.clock.today(),
      ),
    };
  }

  async embed(id: string): Promise<PublicEmbed> {
    const standard = await this.publishedStandard(id);
    const [summary] = await this.summaries([standard]);
    return { standard: summary!, measureDescription: withTransactionRule(standard), rule: ruleOf(standard) };
  }

  async report(slug: string, fiscalYear: number): Promise<PublicReport> {
    const agencies = await this.queries.agencies();
    const agency = agencies.find((a) => a.slug === slug);
    if (!agency) throw new NotFoundAppException('Agency', slug);
    const calendar = fiscalCalendar(agency.fiscalYearStartMonth);
    if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > this.currentFiscalYear(calendar)) {
      throw new NotFoundAppException('Annual report', `${slug}/${fiscalYear}`);
    }
    const withBureaus = [agency, ...agencies.filter((a) => a.parentId === agency.id)];
    const agencyIds = withBureaus.map((a) => a.id);
    const standards = await this.queries.standards({ agencyIds });
    const ids = standards.map((s) => s.id);
    const [targets, results, benchmarks, awaiting, versions] = await Promise.all([
      this.queries.targets(ids),
      this.queries.results(ids, { fiscalYears: [fiscalYear - 1, fiscalYear], allChannelsOnly: true }),
      this.queries.benchmarks(ids),
      this.queries.awaitingCertification(ids, { fiscalYears: [fiscalYear - 1, fiscalYear] }),
      this.queries.versionsOf(ids),
    ]);
    const awaitingIn = new Set(awaiting.map((a) => `${a.standardId} ${a.fiscalYear}`));
    if (!results.some((r) => r.fiscalYear === fiscalYear)) {
      throw new NotFoundAppException('Annual report', `${slug}/${fiscalYear}`);
    }
    const targetsBy = groupBy(targets, (t) => t.standardId);
    const resultsBy = groupBy(results, (r) => `${r.standardId} ${r.fiscalYear}`);
    const benchmarksBy = groupBy(benchmarks, (b) => b.standardId);
    const versionsBy = groupBy(versions, (v) => v.standardId);
    const inProgress = fiscalYear === this.currentFiscalYear(calendar);

    const rows = standards.map(
      (
        s,
      ): PublicReportStandard & {
        serviceSlug: string;
        tallyStatus: TallyStatus;
        previousStatus: TallyStatus;
      } => {
        const ofYear = resultsBy.get(`${s.id} ${fiscalYear}`) ?? [];
        const target = targetForPeriod(targetsBy.get(s.id) ?? [], { frequency: 'year', fiscalYear });
        const result = yearFigure(s, ofYear);
        const status = statusAgainstTarget(s, target, result.value);
        const awaitsCertification = awaitingIn.has(`${s.id} ${fiscalYear}`) && target !== null;
        const previous = yearFigure(s, resultsBy.get(`${s.id} ${fiscalYear - 1}`) ?? []);
        const wording = inProgress ? null : versionInForce(versionsBy.get(s.id) ?? [], fiscalYear, calendar);
        return {
          id: s.id,
          code: s.code,
          agency: refOf({ slug: s.agencySlug, name: s.agencyName, abbreviation: s.agencyAbbreviation }),
          version: wording?.version ?? s.version,
          title: wording?.title ?? s.title,
          statement: wording?.statement ?? s.statement,
          dimension: s.dimension,
          unit: s.unit,
          direction: s.direction,
          measureDescription: wording?.measureDescription ?? s.measureDescription,
          target: toPublicTarget(target),
          result,
          status,
          awaitingCertification: awaitsCertification,
          previous,
          change: changeFromPrevious(result.value, previous.value)?.absolute ?? null,
          benchmarks: (benchmarksBy.get(s.id) ?? []).map(toPublicBenchmark),
          explanations: explanationsOf(ofYear, calendar),
          dataQualityNotes: ofYear
            .filter((r) => r.dataQualityNote)
            .map((r) => ({ periodKey: r.periodKey, note: r.dataQualityNote! })),
          serviceSlug: s.serviceSlug,
          tallyStatus: tallyStatusOf(status, awaitsCertification, target !== null),
          previousStatus: this.yearStatus(
            s,
            targetForPeriod(targetsBy.get(s.id) ?? [], { frequency: 'year', fiscalYear: fiscalYear - 1 }),
            resultsBy.get(`${s.id} ${fiscalYear - 1}`) ?? [],
            awaitingIn.has(`${s.id} ${fiscalYear - 1}`),
          ),
        };
      },
    );
    const byService = groupBy(rows, (r) => r.serviceSlug);
    const services = [...new Map(standards.map((s) => [s.serviceSlug, s.serviceName])).entries()]
      .map(([serviceSlug, name]) => ({
        slug: serviceSlug,
        name,
        standards: (byService.get(serviceSlug) ?? []).map(
          ({ serviceSlug: _, tallyStatus: __, previousStatus: ___, ...rest }) => rest,
        ),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const uniqueBenchmarks = new Map(benchmarks.map((b) => [`${b.name} ${b.year} ${b.sourceOrganization}`, b]));
    const cx = await this.cxSummary(await this.queries.services({ agencyIds }), fiscalYear);
    return {
      agency: { ...refOf(agency), websiteUrl: agency.websiteUrl },
      fiscalYear,
      fiscalYearName: formatFiscalYearName(fiscalYear, calendar),
      previousFiscalYearName: formatFiscalYearName(fiscalYear - 1, calendar),
      fiscalYearSpan: formatFiscalYearSpan(fiscalYear, calendar),
      partial: inProgress ? this.partialYear(fiscalYear, results, calendar) : null,
      tally: tallyStatuses(rows.map((r) => r.tallyStatus)),
      previousTally: tallyStatuses(rows.map((r) => r.previousStatus)),
      services,
      benchmarks: [...uniqueBenchmarks.values()].map(toPublicBenchmark),
      methodology: METHODOLOGY,
      ...(cx.length > 0 ? { cx } : {}),
      reportingRecord: (await this.reportingRecordsOf(withBureaus, standards)).get(agency.id)!,
    };
  }

  /** Each agency's reporting record over the last four quarters, best first: the rows of reporting-records.csv. */
  async reportingRecordRows(): Promise<Record<string, unknown>[]> {
    const agencies = await this.queries.agencies();
    const ranked = rankByRecord(agencies, await this.reportingRecordsOf(agencies, await this.queries.standards()));
    return ranked.map((a, i) => ({
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

  /**
   * The one computation of reporting records, behind the home ranking, the agency page, the annual report and
   * reporting-records.csv/json: for each of `agencies`, its published standards and its bureaus' (among
   * `agencies`), each judged over the last four quarters of its own agency's fiscal calendar (libs/metrics
   * reportingRecord), counts summed; the quarters named are the agency's.
   */
  private async reportingRecordsOf(
    agencies: AgencyRow[],
    standards: StandardRow[],
  ): Promise<Map<string, PublicReportingRecord>> {
    const today = this.clock.today();
    const quartersByMonth = new Map<number, Period[]>();
    const quartersOf = (startMonth: number) => {
      let quarters = quartersByMonth.get(startMonth);
      if (!quarters) {
        quarters = recordQuarters(today, DEFAULT_GRACE_DAYS, 4, fiscalCalendar(startMonth));
        quartersByMonth.set(startMonth, quarters);
      }
      return quarters;
    };
    const years = [...new Set(standards.flatMap((s) => quartersOf(s.fiscalYearStartMonth).map((q) => q.fiscalYear)))];
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
        return [s.id, standardRecord(input, quartersOf(s.fiscalYearStartMonth), today)] as const;
      }),
    );
    const standardsBy = groupBy(standards, (s) => s.agencyId);
    return new Map(
      agencies.map((agency) => {
        const own = [agency, ...agencies.filter((a) => a.parentId === agency.id)].flatMap(
          (a) => standardsBy.get(a.id) ?? [],
        );
        const record = combineRecords(own.map((s) => byStandard.get(s.id)!));
        return [agency.id, toPublicRecord(record, quartersOf(agency.fiscalYearStartMonth))] as const;
      }),
    );
  }

  /**
   * An agency's published Customer Service Plan for a fiscal year: its published version only (never a staff
   * note), the standards it names that are published, live with their latest status, the benchmarks used from
   * those standards, published employee feedback summaries, and the version history.
   */
  async plan(slug: string, fiscalYear: number): Promise<PublicPlan> {
    const agency = (await this.queries.agencies()).find((a) => a.slug === slug);
    if (!agency) throw new NotFoundAppException('Agency', slug);
    const plans = await this.queries.plans(agency.id);
    const row = plans.find((p) => p.fiscalYear === fiscalYear);
    if (!row) throw new NotFoundAppException('Customer Service Plan', `${slug}/${fiscalYear}`);
    const standards = await this.queries.standards({ ids: row.standardIds });
    const [summaries, benchmarks, feedback, versions, feedbackCollections] = await Promise.all([
      this.summaries(standards),
      this.queries.benchmarks(standards.map((s) => s.id)),
      this.queries.employeeFeedback(row.employeeFeedbackIds),
      this.queries.planVersions(row.id),
      this.planCollections(row.feedbackCollectionIds),
    ]);
    const used = new Map(
      benchmarks.filter((b) => row.benchmarkIds.includes(b.benchmarkId)).map((b) => [b.benchmarkId, b]),
    );
    return planOf(agency, row, this.clock.today(), {
      standards: summaries,
      benchmarks: [...used.values()].map(toPublicBenchmark),
      employeeFeedback: feedback,
      feedbackCollections,
      versions,
      otherYears: plans.map((p) => p.fiscalYear).filter((y) => y !== fiscalYear),
    });
  }

  /** The published customer feedback collections a plan names, titled by service and quarter (drafts never). */
  private async planCollections(ids: string[]): Promise<PublicPlan['feedbackCollections']> {
    if (ids.length === 0) return [];
    const collections = await this.queries.cxCollections({ ids });
    const services = new Map(
      (await this.queries.services({ ids: collections.map((c) => c.serviceId) })).map((s) => [s.id, s]),
    );
    return collections.flatMap((c) => {
      const service = services.get(c.serviceId);
      if (!service) return [];
      const respondents =
        c.scores.respondents === null ? '' : `, ${c.scores.respondents.toLocaleString('en-US')} respondents`;
      return [
        {
          id: c.id,
          title: `${service.name}, FY${c.fiscalYear} Q${c.quarter}${respondents}`,
          serviceSlug: service.slug,
        },
      ];
    });
  }

  /** Every certified result of a published standard, as rows of the open data files. */
  async standardRecords(id: string, baseUrl: string): Promise<PublicResultRecord[]> {
    const standard = await this.publishedStandard(id);
    return this.records([standard], baseUrl);
  }

  /** The id of the published standard at a public address (agency slug and code). */
  async standardIdAt(agencySlug: string, code: string): Promise<string> {
    const [standard] = await this.queries.standards({ address: { agencySlug, code } });
    if (!standard) throw new NotFoundAppException('Standard', `${agencySlug}/${code}`);
    return standard.id;
  }

  /** The readable address of a published standard known by its id, for the permanent redirect from /standards/:id. */
  async standardPathOf(id: string): Promise<string | null> {
    if (!UUID.test(id)) return null;
    const [standard] = await this.queries.standards({ ids: [id] });
    return standard ? publicStandardPath(standard.agencySlug, standard.code) : null;
  }

  /** Every public page's address, for the sitemap: standards by their readable address. */
  async sitemapPaths(): Promise<string[]> {
    const [agencies, services, standards] = await Promise.all([
      this.queries.agencies(),
      this.queries.services(),
      this.queries.standards(),
    ]);
    return [
      '/',
      ...agencies.map((a) => `/agencies/${a.slug}`),
      ...services.map((s) => `/services/${s.slug}`),
      ...standards.map((s) => publicStandardPath(s.agencySlug, s.code)),
      '/about-these-numbers',
      '/accessibility',
      '/privacy',
    ];
  }

  /** Every certified result of an agency's (and, unless told not to, its bureaus') published standards. */
  async agencyRecords(
    slug: string,
    baseUrl: string,
    options: { bureaus?: boolean } = {},
  ): Promise<PublicResultRecord[]> {
    const agencies = await this.queries.agencies();
    const agency = agencies.find((a) => a.slug === slug);
    if (!agency) throw new NotFoundAppException('Agency', slug);
    const bureaus = options.bureaus === false ? [] : agencies.filter((a) => a.parentId === agency.id);
    const agencyIds = [agency.id, ...bureaus.map((a) => a.id)];
    return this.records(await this.queries.standards({ agencyIds }), baseUrl);
  }

  /** Each public agency's contact (its own, else its department's), for the accessibility and privacy pages. */
  async contacts(): Promise<PublicContacts> {
    const agencies = await this.queries.agencies();
    const byId = new Map(agencies.map((a) => [a.id, a]));
    return {
      agencies: agencies.map((a) => ({
        ...refOf(a),
        contactEmail: a.contactEmail ?? (a.parentId ? (byId.get(a.parentId)?.contactEmail ?? null) : null),
      })),
    };
  }

  async agencyList(): Promise<AgencyRow[]> {
    return this.queries.agencies();
  }

  /**
   * The open data catalog in the DCAT-US 1.1 (Project Open Data) schema: one dataset per agency with
   * published standards of its own, holding those only, so that no result is in two datasets (a bureau's
   * are in the bureau's dataset, not again in its department's).
   */
  async catalog(baseUrl: string): Promise<Record<string, unknown>> {
    const [all, modified, plans] = await Promise.all([
      this.queries.agencies(),
      this.queries.agencyModified(),
      this.queries.publishedPlans(),
    ]);
    const childrenOf = groupBy(all, (a) => a.parentId);
    const agencies = all.filter((a) => modified.has(a.id));
    const catalog = {
      '@context': 'https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld',
      '@id': `${baseUrl}/data.json`,
      '@type': 'dcat:Catalog',
      conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
      describedBy: 'https://project-open-data.cio.gov/v1.1/schema/catalog.json',
      // An agency without its OMB codes and a contact is left out (see catalogIdentity).
      dataset: agencies.flatMap((agency): Record<string, unknown> | never[] => {
        const latest = modified.get(agency.id)!;
        const bureaus = childrenOf.get(agency.id) ?? [];
        const identity = catalogIdentity(agency, all);
        if (!identity) return [];
        const api = `${baseUrl}/api/v1/public/agencies/${agency.slug}`;
        const only = bureaus.length > 0 ? '?bureaus=exclude' : '';
        const apart =
          bureaus.length > 0
            ? ` Its bureaus' standards are not repeated here: each is in its own dataset (${bureaus.map((b) => b.name).join(', ')}).`
            : '';
        return {
          '@type': 'dcat:Dataset',
          identifier: `${baseUrl}/agencies/${agency.slug}#results`,
          title: `${agency.name}: customer service standards and results`,
          description: `The customer service standards ${agency.name} has published, their targets for each fiscal year, and every result the agency has certified for public release, by period and channel, with its status against the target and the explanation of any missed target.${apart}`,
          keyword: ['customer service', 'service standards', 'performance', agency.abbreviation],
          modified: latest.toISOString(),
          ...identity,
          license: 'https://creativecommons.org/publicdomain/zero/1.0/',
          landingPage: `${baseUrl}/agencies/${agency.slug}`,
          distribution: [
            {
              '@type': 'dcat:Distribution',
              title: 'Certified results (CSV)',
              downloadURL: `${api}/results.csv${only}`,
              mediaType: 'text/csv',
              format: 'CSV',
            },
            {
              '@type': 'dcat:Distribution',
              title: 'Certified results (JSON)',
              downloadURL: `${api}/results.json${only}`,
              mediaType: 'application/json',
              format: 'JSON',
            },
          ],
        };
      }),
    };
    catalog.dataset.push(...(await this.cxDatasets(baseUrl, all)));
    for (const plan of plans) {
      const agency = all.find((a) => a.id === plan.agencyId);
      const identity = agency && catalogIdentity(agency, all);
      if (identity) catalog.dataset.push(planDataset(baseUrl, agency, identity, plan.fiscalYear, plan.publishedAt));
    }
    return catalog;
  }

  /** A dataset per service with published customer feedback (DCAT-US), for data.json. */
  private async cxDatasets(baseUrl: string, agencies: AgencyRow[]): Promise<Record<string, unknown>[]> {
    const collections = await this.queries.cxCollections({});
    if (collections.length === 0) return [];
    const services = await this.queries.services({});
    return services.flatMap((service) => {
      const own = collections.filter((c) => c.serviceId === service.id);
      const agency = agencies.find((a) => a.id === service.agencyId);
      const identity = agency && catalogIdentity(agency, agencies);
      if (own.length === 0 || !agency || !identity) return [];
      const api = `${baseUrl}/api/v1/public/services/${service.slug}`;
      const latest = own
        .map((c) => c.publishedAt ?? c.updatedAt)
        .sort()
        .at(-1)!;
      return [
        {
          '@type': 'dcat:Dataset',
          identifier: `${baseUrl}/services/${service.slug}#customer-experience`,
          title: `${service.name}: customer feedback (A-11 Section 280)`,
          description: `Quarterly customer feedback on ${service.name} (${agency.name}): survey volumes, response rates, the share of positive answers to each A-11 question with its 95% margin of error, and the drivers of trust. The surveys are not random samples unless said otherwise; free-text answers are not published.`,
          keyword: ['customer experience', 'customer feedback', 'A-11 Section 280', agency.abbreviation],
          modified: latest,
          ...identity,
          license: 'https://creativecommons.org/publicdomain/zero/1.0/',
          landingPage: `${baseUrl}/services/${service.slug}#customer-experience`,
          distribution: [
            {
              '@type': 'dcat:Distribution',
              title: 'Customer feedback by quarter (CSV)',
              downloadURL: `${api}/cx.csv`,
              mediaType: 'text/csv',
              format: 'CSV',
            },
            {
              '@type': 'dcat:Distribution',
              title: 'Customer feedback by quarter (JSON)',
              downloadURL: `${api}/cx.json`,
              mediaType: 'application/json',
              format: 'JSON',
            },
          ],
        },
      ];
    });
  }

  private async records(standards: StandardRow[], baseUrl: string): Promise<PublicResultRecord[]> {
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
        standard_url: `${baseUrl}${publicStandardPath(s.agencySlug, s.code)}`,
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
        ci95_lower: r.interval?.lower ?? null,
        ci95_upper: r.interval?.upper ?? null,
        target: r.target,
        status: r.status,
        within_margin_of_error: r.withinMargin,
        source: r.source,
        data_quality_note: r.dataQualityNote,
        explanation_why: r.explanation?.why ?? null,
        explanation_action: r.explanation?.action ?? null,
        revision: r.revision,
        certified_at: r.certifiedAt,
      };
    });
  }

  /** How far a fiscal year in progress has come: today, the months ended, and its newest certified period. */
  private partialYear(
    fiscalYear: number,
    results: ResultRow[],
    calendar: FiscalCalendar,
  ): NonNullable<PublicReport['partial']> {
    const today = this.clock.today();
    const start = fiscalYearStart(fiscalYear, calendar);
    const months =
      (Number(today.slice(0, 4)) - Number(start.slice(0, 4))) * 12 +
      Number(today.slice(5, 7)) -
      Number(start.slice(5, 7));
    const ofYear = results.filter((r) => r.fiscalYear === fiscalYear);
    const latest = ofYear.reduce<ResultRow | null>((a, r) => (a === null || r.periodEnd > a.periodEnd ? r : a), null);
    return {
      asOf: today,
      monthsElapsed: Math.max(0, Math.min(12, months)),
      latestPeriodLabel: latest ? formatPeriodLabel(latest.periodKey, calendar) : null,
    };
  }

  private async publishedStandard(id: string): Promise<StandardRow> {
    if (!UUID.test(id)) throw new NotFoundAppException('Standard', id);
    const [standard] = await this.queries.standards({ ids: [id] });
    if (!standard) throw new NotFoundAppException('Standard', id);
    return standard;
  }

  private async summaries(standards: StandardRow[]): Promise<PublicStandardSummary[]> {
    return (await this.placedSummaries(standards)).map((p) => p.summary);
  }

  /** Each standard's summary and its place in a tally (awaiting certification counted apart). */
  private async placedSummaries(
    standards: StandardRow[],
  ): Promise<{ summary: PublicStandardSummary; status: TallyStatus }[]> {
    const ids = standards.map((s) => s.id);
    const [targets, latest, lastCertified, awaiting] = await Promise.all([
      this.queries.targets(ids),
      this.queries.latestResults(ids),
      this.queries.lastCertified(ids),
      this.queries.awaitingCertification(ids),
    ]);
    const targetsBy = groupBy(targets, (t) => t.standardId);
    const latestBy = new Map(latest.map((r) => [r.standardId, r]));
    const awaitingBy = new Map<string, (typeof awaiting)[number]>();
    for (const a of awaiting) {
      const seen = awaitingBy.get(a.standardId);
      if (!seen || a.periodStart > seen.periodStart) awaitingBy.set(a.standardId, a);
    }
    return standards.map((s) => {
      const own = targetsBy.get(s.id) ?? [];
      const summary = summaryOf(s, own, latestBy.get(s.id), lastCertified.get(s.id), awaitingBy.get(s.id));
      return { summary, status: summaryTallyStatus(summary, own, fiscalCalendar(s.fiscalYearStartMonth ?? null)) };
    });
  }

  /** A standard's status for a fiscal year, awaiting certification when a result of the year is not certified. */
  private yearStatus(
    standard: StandardRow,
    target: TargetRow | null,
    results: ResultRow[],
    awaiting: boolean,
  ): TallyStatus {
    return tallyStatusOf(
      statusAgainstTarget(standard, target, yearFigure(standard, results).value),
      awaiting,
      target !== null,
    );
  }
}

type CatalogIdentity = {
  publisher: Record<string, unknown>;
  contactPoint: Record<string, unknown>;
  accessLevel: 'public';
  bureauCode: string[];
  programCode: string[];
};

/**
 * Who publishes an agency's datasets in the catalog, with its OMB codes and contact (its own, else its
 * department's); null when one is missing, since DCAT-US 1.1 requires bureauCode, programCode and contactPoint
 * and a placeholder would mislead harvesters (the dataset is left out).
 */
function catalogIdentity(agency: AgencyRow, all: AgencyRow[]): CatalogIdentity | null {
  const parent = all.find((a) => a.id === agency.parentId);
  const bureauCode = agency.bureauCode ?? parent?.bureauCode;
  const programCodes = agency.programCodes.length ? agency.programCodes : (parent?.programCodes ?? []);
  const contactEmail = agency.contactEmail ?? parent?.contactEmail;
  if (!bureauCode || programCodes.length === 0 || !contactEmail) return null;
  return {
    publisher: {
      '@type': 'org:Organization',
      name: agency.name,
      ...(parent ? { subOrganizationOf: { '@type': 'org:Organization', name: parent.name } } : {}),
    },
    contactPoint: {
      '@type': 'vcard:Contact',
      fn: `${agency.name} performance office`,
      hasEmail: `mailto:${contactEmail}`,
    },
    accessLevel: 'public',
    bureauCode: [bureauCode],
    programCode: programCodes,
  };
}

/** A published Customer Service Plan in the DCAT-US catalog: its page, its JSON and its PDF. */
function planDataset(
  baseUrl: string,
  agency: AgencyRow,
  identity: CatalogIdentity,
  fiscalYear: number,
  publishedAt: Date | null,
) {
  const calendar = fiscalCalendar(agency.fiscalYearStartMonth);
  const page = `${baseUrl}/agencies/${agency.slug}/plans/${fiscalYear}`;
  const api = `${baseUrl}/api/v1/public/agencies/${agency.slug}/plans/${fiscalYear}`;
  return {
    '@type': 'dcat:Dataset',
    identifier: `${page}#plan`,
    title: `${agency.name}: Customer Service Plan, fiscal year ${fiscalYear}`,
    description: `The Customer Service Plan ${agency.name} published for fiscal year ${fiscalYear} (Executive Order 13571): its signature initiative, how it collects and uses customer feedback, its service standards, best practices across channels, streamlining and new technologies, each with its milestones, and the benchmarks it used.`,
    keyword: ['customer service', 'customer service plan', 'EO 13571', agency.abbreviation],
    modified: (publishedAt ?? new Date(0)).toISOString(),
    ...identity,
    license: 'https://creativecommons.org/publicdomain/zero/1.0/',
    landingPage: page,
    temporal: `${fiscalYearStart(fiscalYear, calendar)}/${fiscalYearEnd(fiscalYear, calendar)}`,
    distribution: [
      {
        '@type': 'dcat:Distribution',
        title: 'Customer Service Plan (JSON)',
        downloadURL: api,
        mediaType: 'application/json',
        format: 'JSON',
      },
      {
        '@type': 'dcat:Distribution',
        title: 'Customer Service Plan (PDF)',
        downloadURL: `${api}/plan.pdf`,
        mediaType: 'application/pdf',
        format: 'PDF',
      },
    ],
  };
}

function refOf(agency: Pick<AgencyRow, 'slug' | 'name' | 'abbreviation'>): PublicAgencyRef {
  return { slug: agency.slug, name: agency.name, abbreviation: agency.abbreviation };
}

/**
 * The fiscal quarter of the newest latest result, and how many standards have nothing that recent: the headline
 * names the period its numbers come from, not the fiscal year of today.
 */
function asOfQuarter(
  summaries: PublicStandardSummary[],
  calendarOf: (agencySlug: string) => FiscalCalendar | undefined,
): PublicHome['asOf'] {
  const ends = summaries.map((s) => (s.latest ? parsePeriodKey(s.latest.periodKey, calendarOf(s.agency.slug)) : null));
  const newest = ends.reduce<ReturnType<typeof parsePeriodKey> | null>(
    (a, p) => (p && (a === null || p.end > a.end) ? p : a),
    null,
  );
  if (!newest) return null;
  const quarter = periodOf(newest.end, 'quarter');
  return {
    fiscalYear: quarter.fiscalYear,
    quarter: quarter.quarter!,
    label: `FY${quarter.fiscalYear} Q${quarter.quarter}`,
    standardsBehind: ends.filter((p) => p === null || p.end < quarter.start).length,
  };
}

/**
 * The published version whose wording was in force in a past fiscal year: the last one published by the year's end,
 * or, for a standard first published later, its first version.
 */
function versionInForce(versions: VersionRow[], fiscalYear: number, calendar: FiscalCalendar): VersionRow | null {
  const end = fiscalYearEnd(fiscalYear, calendar);
  const before = versions.filter((v) => v.publishedAt && v.publishedAt.toISOString().slice(0, 10) <= end);
  return before.at(-1) ?? versions[0] ?? null;
}

function explanationsOf(results: ResultRow[], calendar: FiscalCalendar): PublicReportStandard['explanations'] {
  return results
    .filter((r) => r.why !== null && r.action !== null)
    .map((r) => ({
      periodKey: r.periodKey,
      periodLabel: formatPeriodLabel(r.periodKey, calendar),
      why: r.why!,
      action: r.action!,
    }));
}

/** A published collection without its staff fields. */
function toPublicCx(collection: CxCollectionBody): PublicCxCollection {
  const { agencyId: _agency, serviceId: _service, submittedAt: _submitted, dueDate: _due, ...shown } = collection;
  return shown;
}

/** "How it is measured", with the rule Yardstick computes by when the standard is computed from transactions. */
function withTransactionRule(standard: StandardRow): string {
  const rule = transactionMeasureRule(standard);
  return rule === null ? standard.measureDescription : `${standard.measureDescription} ${rule}`;
}
