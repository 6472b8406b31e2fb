import { describe, expect, it } from '@jest/globals';
import { CORE_DIMENSIONS } from '@yardstick/contracts';
import {
  evaluateStatus,
  fiscalYearOf,
  formatPeriodLabel,
  isInFiscalYear,
  parsePeriodKey,
  shareOf,
  unitValueProblem,
} from '@yardstick/metrics';
import { DEMO_FIRST_FISCAL_YEAR, generateDemoData } from './demo-data.js';

const TODAY = '2026-11-22';

describe('generateDemoData', () => {
  const data = generateDemoData(TODAY);

  it('has one result per standard, period and channel, and unique codes and slugs', () => {
    const keys = data.results.map((r) => `${r.standardKey}/${r.periodKey}/${r.channel}`);
    expect(keys.length - new Set(keys).size).toBe(0);
    const services = new Map(data.services.map((s) => [s.key, s]));
    const serviceOf = new Map(data.standards.map((s) => [s.key, services.get(s.serviceKey)!]));
    for (const r of data.results) {
      expect(r.channel === 'all' || serviceOf.get(r.standardKey)!.channels.includes(r.channel)).toBe(true);
    }
    expect(new Set(data.standards.map((s) => `${s.agencyKey}/${s.code}`)).size).toBe(data.standards.length);
    expect(new Set(data.services.map((s) => s.slug)).size).toBe(data.services.length);
  });

  it('is the same on every run for the same day', () => {
    expect(JSON.stringify(generateDemoData(TODAY))).toBe(JSON.stringify(data));
  });

  it('has at least 6 agencies, 30 services and 90 standards across the three M-11-24 dimensions', () => {
    expect(data.agencies.length).toBeGreaterThanOrEqual(6);
    expect(data.services.length).toBeGreaterThanOrEqual(30);
    expect(data.standards.length).toBeGreaterThanOrEqual(90);
    for (const dimension of CORE_DIMENSIONS) {
      expect(data.standards.filter((s) => s.dimension === dimension).length).toBeGreaterThanOrEqual(30);
    }
    expect(new Set(data.standards.map((s) => s.frequency))).toEqual(new Set(['month', 'quarter']));
  });

  it('says it is demonstration data wherever an agency is named', () => {
    for (const agency of data.agencies) {
      expect(agency.name).toMatch(/\(demonstration\)$/);
      expect(agency.abbreviation).toMatch(/-DEMO$/);
    }
  });

  it('covers FY2021 to the current fiscal year, only periods that have ended', () => {
    const periods = data.results.map((r) => parsePeriodKey(r.periodKey));
    expect(Math.min(...periods.map((p) => p.fiscalYear))).toBe(DEMO_FIRST_FISCAL_YEAR);
    expect(Math.max(...periods.map((p) => p.fiscalYear))).toBe(fiscalYearOf(TODAY));
    expect(periods.every((p) => p.end < TODAY)).toBe(true);
    expect(new Set(data.targets.map((t) => t.fiscalYear)).size).toBe(fiscalYearOf(TODAY) - DEMO_FIRST_FISCAL_YEAR + 1);
  });

  it('produces valid results: values in range, shares that match their counts, channels that add up', () => {
    const units = new Map(data.standards.map((s) => [s.key, s.unit]));
    for (const r of data.results) {
      if (r.value !== null) expect(unitValueProblem(units.get(r.standardKey)!, r.value)).toBeNull();
      if (r.numerator !== null) expect(r.value).toBeCloseTo(shareOf(r.numerator, r.denominator)!, 10);
    }
    const byKey = new Map<string, typeof data.results>();
    for (const r of data.results)
      byKey.set(`${r.standardKey}/${r.periodKey}`, [...(byKey.get(`${r.standardKey}/${r.periodKey}`) ?? []), r]);
    const split = [...byKey.values()].filter((rows) => rows.length > 1);
    expect(split.length).toBeGreaterThan(100);
    for (const rows of split) {
      const all = rows.find((r) => r.channel === 'all')!;
      const channels = rows.filter((r) => r.channel !== 'all');
      expect(channels.reduce((sum, r) => sum + r.numerator!, 0)).toBe(all.numerator);
      expect(channels.reduce((sum, r) => sum + r.denominator!, 0)).toBe(all.denominator);
    }
  });

  it('has some misses, some blanks (never zeros for missing data) and uncertified recent results', () => {
    const standards = new Map(data.standards.map((s) => [s.key, s]));
    const targets = new Map(data.targets.map((t) => [`${t.standardKey}/${t.fiscalYear}`, t]));
    const statuses = data.results
      .filter((r) => r.channel === 'all')
      .map((r) => {
        const standard = standards.get(r.standardKey)!;
        const target = targets.get(`${r.standardKey}/${parsePeriodKey(r.periodKey).fiscalYear}`)!;
        return evaluateStatus({ value: r.value, target: { value: target.value }, direction: standard.direction });
      });
    for (const status of ['met', 'near', 'not_met', 'no_data'] as const) {
      expect(statuses.filter((s) => s === status).length).toBeGreaterThan(0);
    }
    const blanks = data.results.filter((r) => r.value === null);
    expect(blanks.every((r) => r.dataQualityNote && r.numerator === null)).toBe(true);
    expect(data.results.some((r) => !r.certified)).toBe(true);
    expect(data.results.filter((r) => r.certified).length).toBeGreaterThan(data.results.length / 2);
  });

  it('explains every certified miss, as an approver must before certifying, in words that fit its dimension', () => {
    const standards = new Map(data.standards.map((s) => [s.key, s]));
    const services = new Map(data.services.map((s) => [s.key, s]));
    const targets = new Map(data.targets.map((t) => [`${t.standardKey}/${t.fiscalYear}`, t]));
    const statusOf = (r: (typeof data.results)[number]) => {
      const standard = standards.get(r.standardKey)!;
      const target = targets.get(`${r.standardKey}/${parsePeriodKey(r.periodKey).fiscalYear}`)!;
      return evaluateStatus({ value: r.value, target: { value: target.value }, direction: standard.direction });
    };
    const misses = data.results.filter((r) => r.certified && ['not_met', 'near'].includes(statusOf(r)));
    expect(misses.length).toBeGreaterThan(100);
    const unexplained = misses.filter((r) => !r.explanation?.why.trim() || !r.explanation.action.trim());
    expect(unexplained).toEqual([]);
    // Only misses are explained.
    expect(data.results.filter((r) => r.explanation && !misses.includes(r))).toEqual([]);
    // Each names its service and its period, and the words differ from one dimension to the next.
    const whysBy = new Map<string, Set<string>>();
    for (const r of misses) {
      const standard = standards.get(r.standardKey)!;
      expect(r.explanation!.why).toContain(services.get(standard.serviceKey)!.name);
      expect(r.explanation!.why).toContain(formatPeriodLabel(r.periodKey));
      const generic = r
        .explanation!.why.replace(/\(.*?\)|[^ ]*\d[^ ]*/g, '')
        .replace(services.get(standard.serviceKey)!.name, '');
      whysBy.set(standard.dimension, (whysBy.get(standard.dimension) ?? new Set()).add(generic));
    }
    for (const dimension of CORE_DIMENSIONS) expect(whysBy.get(dimension)!.size).toBeGreaterThanOrEqual(3);
    const [speed, accuracy, satisfaction] = CORE_DIMENSIONS.map((d) => whysBy.get(d)!);
    for (const why of speed!) expect(accuracy!.has(why) || satisfaction!.has(why)).toBe(false);
    for (const why of accuracy!) expect(satisfaction!.has(why)).toBe(false);
  });

  it('has a plan for every agency for this and last fiscal year (one a draft), dated within its year', () => {
    const current = fiscalYearOf(TODAY);
    for (const agency of data.agencies) {
      const years = data.plans.filter((p) => p.agencyKey === agency.key).map((p) => p.fiscalYear);
      expect(years.sort()).toEqual([current - 1, current]);
    }
    expect(data.plans.filter((p) => !p.published)).toHaveLength(1);
    for (const plan of data.plans) {
      for (const part of Object.values(plan.parts)) {
        expect(part.approach.length).toBeGreaterThan(0);
        for (const m of part.milestones) expect(isInFiscalYear(m.dueDate, plan.fiscalYear)).toBe(true);
      }
    }
    expect(data.employeeFeedback.length).toBeGreaterThanOrEqual(3);
    for (const f of data.employeeFeedback) {
      expect(f.employeesResponding).toBeLessThanOrEqual(f.employeesSurveyed);
      for (const t of [...f.barriers, ...f.ideas]) expect(t.count).toBeLessThanOrEqual(f.employeesResponding);
    }
  });

  it('gives every service its channels with hours and a complaint route', () => {
    for (const service of data.services) {
      expect(service.channelDetails.map((d) => d.channel)).toEqual(service.channels);
      expect(service.complaints.url ?? service.complaints.phone ?? service.complaints.address).toBeTruthy();
    }
  });
});
