/**
 * Demonstration data: a deterministic generator (the same output for the same day, every run) of
 * agencies, services, standards across the three M-11-24 dimensions, targets, benchmarks with sources
 * and results from FY2021 to the current fiscal year, with seasonality, noise, improvement and misses.
 * Every agency is flagged and named as demonstration data. Pure: no database, no clock.
 * It keeps the product's rules: only periods that have ended, and every certified miss explained.
 */
import type { Channel, Computation, Dimension, Direction, StandardStatus, Unit } from '@yardstick/contracts';
import {
  evaluateStatus,
  fiscalYearOf,
  formatMeasure,
  formatPeriodLabel,
  periodOf,
  periodsBetween,
  previousPeriod,
  shareOf,
  type Frequency,
  type IsoDate,
  type Period,
} from '@yardstick/metrics';
import type {
  ComplaintRoute,
  ServiceChannelDetail,
  StandardMeasureField,
  StandardVersionBody,
} from '@yardstick/contracts';
import {
  demoChannelDetails,
  demoComplaints,
  generateDemoPlans,
  type DemoEmployeeFeedback,
  type DemoPlan,
} from './demo-plans.js';
import { random } from './random.js';

export const DEMO_FIRST_FISCAL_YEAR = 2021;

export type DemoAgency = {
  key: string;
  name: string;
  abbreviation: string;
  slug: string;
  parentKey: string | null;
  websiteUrl: string;
  bureauCode: string;
  programCodes: string[];
  contactEmail: string;
};
export type DemoService = {
  key: string;
  agencyKey: string;
  name: string;
  slug: string;
  description: string;
  customers: string;
  channels: Channel[];
  hisp: boolean;
  publicUrl: string;
  channelDetails: ServiceChannelDetail[];
  complaints: ComplaintRoute;
};
export type DemoStandard = {
  key: string;
  serviceKey: string;
  agencyKey: string;
  code: string;
  status: StandardStatus;
  benchmarkKeys: string[];
} & Pick<StandardVersionBody, StandardMeasureField | 'thresholdValue' | 'thresholdUnit' | 'channelScope'>;
export type DemoTarget = { standardKey: string; fiscalYear: number; value: number; baseline: number | null };
export type DemoBenchmark = {
  key: string;
  name: string;
  description: string;
  sourceOrganization: string;
  sourceUrl: string;
  year: number;
  value: number;
  unit: Unit;
};
export type DemoResult = {
  standardKey: string;
  periodKey: string;
  channel: Channel | 'all';
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  dataQualityNote: string | null;
  certified: boolean;
  /**
   * Why the target was missed and what will be done: every certified miss has one, as an approver
   * cannot certify a miss without it (checked with libs/metrics' evaluateStatus, as the API does).
   */
  explanation: { why: string; action: string } | null;
};
export type DemoData = {
  agencies: DemoAgency[];
  services: DemoService[];
  benchmarks: DemoBenchmark[];
  standards: DemoStandard[];
  targets: DemoTarget[];
  results: DemoResult[];
  plans: DemoPlan[];
  employeeFeedback: DemoEmployeeFeedback[];
};

const AGENCIES: [key: string, name: string, abbreviation: string, parent: string | null, url: string][] = [
  ['dos', 'Department of State', 'DOS', null, 'https://www.state.gov'],
  ['ca', 'Bureau of Consular Affairs', 'CA', 'dos', 'https://travel.state.gov'],
  ['ssa', 'Social Security Administration', 'SSA', null, 'https://www.ssa.gov'],
  ['irs', 'Internal Revenue Service', 'IRS', null, 'https://www.irs.gov'],
  ['va', 'Department of Veterans Affairs', 'VA', null, 'https://www.va.gov'],
  ['uscis', 'U.S. Citizenship and Immigration Services', 'USCIS', null, 'https://www.uscis.gov'],
  ['tsa', 'Transportation Security Administration', 'TSA', null, 'https://www.tsa.gov'],
  ['fsa', 'Federal Student Aid', 'FSA', null, 'https://studentaid.gov'],
];

/** OMB bureau codes in the real agency's format (A-11 Appendix C), for the demonstration's data.json. */
const BUREAU_CODES: Record<string, string> = {
  dos: '014:00',
  ca: '014:05',
  ssa: '016:00',
  irs: '015:45',
  va: '029:00',
  uscis: '024:30',
  tsa: '024:45',
  fsa: '018:45',
};

const SERVICES: [agency: string, name: string, customers: string, channels: Channel[], hisp: boolean][] = [
  ['ca', 'Passport renewal', 'U.S. citizens renewing an adult passport', ['mail', 'online'], true],
  [
    'ca',
    'First-time passport application',
    'U.S. citizens applying for their first passport',
    ['in_person', 'mail'],
    true,
  ],
  ['ca', 'Passport inquiries', 'Applicants with questions about an application', ['phone', 'email', 'chat'], false],
  ['ca', 'Emergency assistance abroad', 'U.S. citizens in trouble overseas', ['phone', 'in_person'], false],
  [
    'ssa',
    'Retirement benefits application',
    'People claiming retirement benefits',
    ['online', 'phone', 'in_person'],
    true,
  ],
  ['ssa', 'Replacement Social Security card', 'Card holders who lost a card', ['online', 'in_person', 'mail'], true],
  ['ssa', 'National 800 number', 'Callers to the national number', ['phone'], true],
  ['ssa', 'Disability claims', 'People applying for disability benefits', ['online', 'phone', 'in_person'], true],
  ['irs', 'Individual tax refunds', 'Individual taxpayers due a refund', ['online', 'mail'], true],
  ['irs', 'Taxpayer assistance line', 'Taxpayers calling with questions', ['phone'], true],
  ['irs', 'Identity theft victim assistance', 'Taxpayers whose identity was misused', ['phone', 'mail'], false],
  ['irs', 'Employer identification numbers', 'Businesses applying for an EIN', ['online', 'mail'], false],
  ['va', 'Disability compensation claims', 'Veterans filing a disability claim', ['online', 'mail', 'in_person'], true],
  ['va', 'Outpatient appointments', 'Veterans scheduling care', ['phone', 'online', 'in_person'], true],
  ['va', 'Education benefits (GI Bill)', 'Veterans and dependents in school', ['online', 'phone'], true],
  ['va', 'Veterans crisis and benefits line', 'Veterans and families calling for help', ['phone', 'chat'], false],
  ['uscis', 'Naturalization applications', 'Permanent residents applying for citizenship', ['online', 'mail'], true],
  ['uscis', 'Green card renewal', 'Permanent residents renewing a card', ['online', 'mail'], true],
  ['uscis', 'Contact center', 'Applicants calling about a case', ['phone', 'chat'], true],
  ['uscis', 'Employment authorization', 'Applicants for a work permit', ['online', 'mail'], false],
  ['tsa', 'Airport security screening', 'Air travelers', ['in_person'], true],
  ['tsa', 'TSA PreCheck enrollment', 'Travelers enrolling in PreCheck', ['online', 'in_person'], true],
  ['tsa', 'Traveler redress', 'Travelers repeatedly delayed at screening', ['online', 'mail'], false],
  ['tsa', 'Contact center', 'Travelers with questions or complaints', ['phone', 'email'], false],
  ['fsa', 'FAFSA processing', 'Students applying for federal aid', ['online', 'mobile_app'], true],
  ['fsa', 'Loan servicing inquiries', 'Borrowers with questions about a loan', ['phone', 'chat', 'email'], true],
  ['fsa', 'Public Service Loan Forgiveness', 'Borrowers working in public service', ['online', 'mail'], true],
  ['fsa', 'Income-driven repayment', 'Borrowers applying for a lower payment', ['online', 'phone'], false],
  ['ssa', 'Medicare Part D extra help', 'People with limited income and resources', ['online', 'phone', 'mail'], false],
  ['va', 'Burial and memorial benefits', 'Families of deceased veterans', ['phone', 'mail'], false],
  ['uscis', 'Citizenship interview scheduling', 'Applicants awaiting an interview', ['online', 'in_person'], false],
  ['irs', 'Amended return processing', 'Taxpayers correcting a return', ['mail', 'online'], false],
];

const BENCHMARKS: DemoBenchmark[] = [
  {
    key: 'acsi-federal',
    name: 'Customer satisfaction, federal government average',
    description: 'Share of surveyed customers satisfied with federal services (demonstration value).',
    sourceOrganization: 'American Customer Satisfaction Index',
    sourceUrl: 'https://theacsi.org',
    year: 2024,
    value: 68,
    unit: 'percent',
  },
  {
    key: 'acsi-banks',
    name: 'Customer satisfaction, retail banks',
    description: 'Share of retail bank customers satisfied (demonstration value).',
    sourceOrganization: 'American Customer Satisfaction Index',
    sourceUrl: 'https://theacsi.org',
    year: 2024,
    value: 79,
    unit: 'percent',
  },
  {
    key: 'courier-ontime',
    name: 'Documents delivered on time by private couriers',
    description: 'On-time delivery of document shipments (demonstration value).',
    sourceOrganization: 'Parcel industry report',
    sourceUrl: 'https://www.example.com/parcel-industry-report',
    year: 2024,
    value: 96,
    unit: 'percent',
  },
  {
    key: 'insurer-claims',
    name: 'Insurance claims paid accurately on first review',
    description: 'Claims decided without a later correction (demonstration value).',
    sourceOrganization: 'Insurance industry benchmark study',
    sourceUrl: 'https://www.example.com/claims-benchmark',
    year: 2023,
    value: 97,
    unit: 'percent',
  },
  {
    key: 'contact-center',
    name: 'Calls answered within 5 minutes, best contact centers',
    description: 'Top-quartile service level of private contact centers (demonstration value).',
    sourceOrganization: 'Contact center benchmark survey',
    sourceUrl: 'https://www.example.com/contact-center-survey',
    year: 2024,
    value: 90,
    unit: 'percent',
  },
];

type Template = {
  dimension: Dimension;
  unit: Unit;
  computation: Computation;
  direction: Direction;
  frequency: Frequency;
  threshold: number | null;
  thresholdUnit: Unit | null;
  /** Level in FY2021 and the level reached by the current year (improvement), in the unit. */
  start: number;
  end: number;
  target: number;
  noise: number;
  volume: number;
  benchmarks: string[];
  title: (service: string) => string;
  statement: (service: string) => string;
  measure: string;
};

type Measure = Omit<Template, 'unit' | 'computation' | 'direction' | 'threshold' | 'thresholdUnit'>;

/** The share of cases within a threshold (higher is better), in percent. */
const shareWithin = (threshold: number, thresholdUnit: Unit, measure: Measure): Template => ({
  unit: 'percent',
  computation: 'share_meeting_threshold',
  direction: 'higher_is_better',
  threshold,
  thresholdUnit,
  ...measure,
});

/** A mean in the unit, no threshold. */
const meanOf = (unit: Unit, direction: Direction, measure: Measure): Template => ({
  unit,
  computation: 'mean',
  direction,
  threshold: null,
  thresholdUnit: null,
  ...measure,
});

function templatesFor(channels: Channel[], rand: () => number): Template[] {
  const phoneOnly = channels.length === 1 && channels[0] === 'phone';
  const days = [5, 10, 14, 30, 42, 60][Math.floor(rand() * 6)]!;
  const speed: Template = phoneOnly
    ? shareWithin(5, 'minutes', {
        dimension: 'speed',
        frequency: 'month',
        start: 62 + rand() * 10,
        end: 78 + rand() * 12,
        target: 80,
        noise: 4,
        volume: 200_000,
        benchmarks: ['contact-center'],
        title: () => 'Calls answered within 5 minutes',
        statement: () => 'We answer 80% of calls within 5 minutes.',
        measure: 'Share of calls reaching an agent within 5 minutes of joining the queue.',
      })
    : rand() < 0.65
      ? shareWithin(days, 'days', {
          dimension: 'speed',
          frequency: 'month',
          start: 70 + rand() * 12,
          end: 84 + rand() * 12,
          target: 90,
          noise: 3,
          volume: 20_000 + Math.floor(rand() * 80_000),
          benchmarks: ['courier-ontime'],
          title: (s) => `${s}: processing time`,
          statement: (s) => `We complete 90% of ${s.toLowerCase()} requests within ${days} days.`,
          measure: `Share of requests completed within ${days} calendar days of receipt.`,
        })
      : meanOf('days', 'lower_is_better', {
          dimension: 'speed',
          frequency: 'quarter',
          start: days * 1.6,
          end: days * (0.85 + rand() * 0.3),
          target: days,
          noise: days * 0.08,
          volume: 5_000 + Math.floor(rand() * 40_000),
          benchmarks: [],
          title: (s) => `${s}: average processing days`,
          statement: (s) => `We complete ${s.toLowerCase()} requests in ${days} days or fewer on average.`,
          measure: 'Average calendar days from receipt to decision, over all completed requests.',
        });
  const accuracy: Template = shareWithin(0, 'count', {
    dimension: 'accuracy',
    frequency: 'quarter',
    start: 90 + rand() * 4,
    end: 94 + rand() * 5,
    target: 95,
    noise: 1.2,
    volume: 2_000 + Math.floor(rand() * 3_000),
    benchmarks: ['insurer-claims'],
    title: (s) => `${s}: accuracy`,
    statement: (s) => `We get 95% of ${s.toLowerCase()} decisions right the first time.`,
    measure: 'Share of sampled cases found without an error on quality review (errors allowed: 0).',
  });
  const satisfaction: Template =
    rand() < 0.5
      ? shareWithin(4, 'score', {
          dimension: 'satisfaction',
          frequency: 'quarter',
          start: 60 + rand() * 12,
          end: 70 + rand() * 15,
          target: 75,
          noise: 3,
          volume: 800 + Math.floor(rand() * 2_000),
          benchmarks: ['acsi-federal', 'acsi-banks'],
          title: (s) => `${s}: customer satisfaction`,
          statement: () => '75% of customers tell us they are satisfied with the service.',
          measure: 'Share of survey respondents answering 4 or 5 of 5 to "I am satisfied with the service I received".',
        })
      : meanOf('score', 'higher_is_better', {
          dimension: 'satisfaction',
          frequency: 'quarter',
          start: 3.6 + rand() * 0.4,
          end: 3.9 + rand() * 0.6,
          target: 4.2,
          noise: 0.08,
          volume: 600 + Math.floor(rand() * 1_500),
          benchmarks: [],
          title: (s) => `${s}: satisfaction score`,
          statement: () => 'Customers rate the service 4.2 out of 5 or better on average.',
          measure: 'Mean answer, 1 to 5, to the A-11 Section 280 satisfaction question.',
        });
  return [speed, accuracy, satisfaction];
}

/** Demonstration data as of `today`: results for every period that has ended, through the current fiscal year. */
export function generateDemoData(today: IsoDate): DemoData {
  const rand = random(20260401);
  const currentYear = fiscalYearOf(today);
  const agencies: DemoAgency[] = AGENCIES.map(([key, name, abbreviation, parentKey, websiteUrl]) => ({
    key,
    name: `${name} (demonstration)`,
    abbreviation: `${abbreviation}-DEMO`,
    slug: `${key}-demo`,
    parentKey,
    websiteUrl,
    bureauCode: BUREAU_CODES[key]!,
    programCodes: [`${BUREAU_CODES[key]!.slice(0, 3)}:000`],
    // A reserved domain (RFC 2606): the demonstration never names a real mailbox.
    contactEmail: `open-data.${key}@example.com`,
  }));
  const services: DemoService[] = SERVICES.map(([agencyKey, name, customers, channels, hisp], index) => ({
    key: `svc${index}`,
    agencyKey,
    name,
    slug: `${agencyKey}-${slugify(name)}`,
    description: `${name}: demonstration service generated by Yardstick.`,
    customers,
    channels,
    hisp,
    publicUrl: `${AGENCIES.find(([key]) => key === agencyKey)![4]}/`,
    channelDetails: [],
    complaints: { url: null, phone: null, address: null, responseDays: null, appeal: null },
  }));
  services.forEach((service, index) => {
    service.channelDetails = demoChannelDetails(service);
    service.complaints = demoComplaints(service, index);
  });

  const standards: DemoStandard[] = [];
  const targets: DemoTarget[] = [];
  const results: DemoResult[] = [];
  const lastEnded = (frequency: Frequency) => previousPeriod(periodOf(today, frequency));
  const certifiedUntil = previousPeriod(periodOf(today, 'quarter')).start;

  services.forEach((service, serviceIndex) => {
    templatesFor(service.channels, rand).forEach((template, templateIndex) => {
      const key = `${service.key}-${template.dimension}`;
      const agency = agencies.find((a) => a.key === service.agencyKey)!;
      const roll = rand();
      const status: StandardStatus = roll < 0.06 ? 'draft' : roll < 0.1 ? 'in_review' : 'published';
      standards.push({
        key,
        serviceKey: service.key,
        agencyKey: service.agencyKey,
        code: `${agency.abbreviation.replace('-DEMO', '')}-${String(serviceIndex + 1).padStart(2, '0')}-${['SPD', 'ACC', 'SAT'][templateIndex]}`,
        status,
        title: template.title(service.name),
        statement: template.statement(service.name),
        dimension: template.dimension,
        measureDescription: template.measure,
        unit: template.unit,
        computation: template.computation,
        direction: template.direction,
        thresholdValue: template.threshold,
        thresholdUnit: template.thresholdUnit,
        channelScope: [],
        frequency: template.frequency,
        benchmarkKeys: template.benchmarks,
      });
      for (let year = DEMO_FIRST_FISCAL_YEAR; year <= currentYear; year += 1) {
        targets.push({
          standardKey: key,
          fiscalYear: year,
          value: round(template.target, template.unit),
          baseline: year === DEMO_FIRST_FISCAL_YEAR ? round(template.start, template.unit) : null,
        });
      }
      if (status !== 'published') return;

      const periods = periodsBetween(
        template.frequency === 'month' ? `${DEMO_FIRST_FISCAL_YEAR - 1}-10` : `FY${DEMO_FIRST_FISCAL_YEAR}-Q1`,
        lastEnded(template.frequency),
      );
      const span = Math.max(periods.length - 1, 1);
      const channels =
        template.frequency === 'month' && service.channels.length > 1 ? service.channels.slice(0, 2) : [];
      periods.forEach((period, i) => {
        // Improvement over the years, a seasonal dip in the spring filing/travel peak, and noise.
        const month = Number(period.start.slice(5, 7));
        const season = Math.cos(((month - 4) / 12) * 2 * Math.PI) * template.noise * 0.8;
        const level = template.start + ((template.end - template.start) * i) / span;
        const sign = template.direction === 'lower_is_better' ? 1 : -1;
        const raw = level + sign * season + (rand() - 0.5) * 2 * template.noise;
        // The latest ended quarter awaits certification for one standard in four (the review queue has work, and
        // the public headline still has certified figures to show); everything older is certified.
        const certified = period.end < certifiedUntil || (serviceIndex + templateIndex) % 4 !== 0;
        // Demo targets are the fiscal year's (quarter 0), the same every year.
        const target = round(template.target, template.unit);
        const row = (fields: Partial<DemoResult>): DemoResult => ({
          standardKey: key,
          periodKey: period.key,
          channel: 'all',
          value: null,
          numerator: null,
          denominator: null,
          sampleSize: null,
          dataQualityNote: null,
          certified,
          explanation: null,
          ...fields,
        });
        /** A certified result that misses the year's target is explained, as the API requires. */
        const checked = (result: DemoResult): DemoResult => {
          if (!result.certified || result.value === null) return result;
          const status = evaluateStatus({
            value: result.value,
            target: { value: target },
            direction: template.direction,
          });
          if (status !== 'not_met' && status !== 'near') return result;
          const explanation = explainMiss({
            dimension: template.dimension,
            service: service.name,
            period,
            channel: result.channel,
            shortfall: `${formatMeasure(result.value, template.unit)} against a target of ${formatMeasure(target, template.unit)}`,
            variant: serviceIndex + i,
          });
          return { ...result, explanation };
        };
        if (rand() < 0.01) {
          results.push(
            row({ dataQualityNote: 'Not reported: the case management system was being replaced this period.' }),
          );
          return;
        }
        const volume = Math.round(template.volume * (0.85 + rand() * 0.3) * (template.frequency === 'quarter' ? 3 : 1));
        if (template.computation === 'share_meeting_threshold') {
          const parts = channels.length > 0 ? splitVolume(volume, channels.length, rand) : [volume];
          const counts = parts.map((denominator, p) => {
            const share = clamp(raw + (p === 0 ? 1.5 : -1.5), 0, 100);
            return { denominator, numerator: Math.round((denominator * share) / 100) };
          });
          const numerator = counts.reduce((sum, c) => sum + c.numerator, 0);
          // Surveys and quality reviews measure a sample (their margin of error is published); other shares count every case.
          const sampled = template.dimension === 'satisfaction' || template.dimension === 'accuracy';
          results.push(
            checked(
              row({
                value: shareOf(numerator, volume),
                numerator,
                denominator: volume,
                sampleSize: sampled ? volume : null,
              }),
            ),
          );
          if (channels.length === 0) return;
          counts.forEach((count, p) =>
            results.push(
              checked(row({ channel: channels[p]!, value: shareOf(count.numerator, count.denominator), ...count })),
            ),
          );
        } else {
          const [min, max] = template.unit === 'score' ? [1, 5] : [0, Infinity];
          results.push(checked(row({ value: round(clamp(raw, min, max), template.unit), sampleSize: volume })));
        }
      });
    });
  });
  const { plans, employeeFeedback } = generateDemoPlans(agencies, services, standards, currentYear);
  return { agencies, services, benchmarks: BENCHMARKS, standards, targets, results, plans, employeeFeedback };
}

/** What was behind a miss and what is being done, by dimension: each set reads like an agency's own. */
const EXPLANATIONS: Record<'speed' | 'accuracy' | 'satisfaction', { why: string; action: string }[]> = {
  speed: [
    {
      why: 'Applications rose well above the forecast while {service} was still hiring: the backlog grew and cases waited longer ({shortfall}, {period}).',
      action:
        'Overtime was approved for the processing centers and 40 new staff finish training next quarter; the backlog is reported weekly to leadership.',
    },
    {
      why: 'The case management system for {service} was down for nine working days after an upgrade in {period}, and work queued behind the outage ({shortfall}).',
      action:
        'The upgrade was rolled back and reapplied in a weekend window; a surge team is clearing the queued cases oldest first.',
    },
    {
      why: 'Seasonal peak demand for {service} arrived earlier than planned in {period} and staff were moved from other work too late ({shortfall}).',
      action:
        'Staffing for the peak is now planned from the previous year’s weekly volumes, and staff move six weeks before it starts.',
    },
    {
      why: 'A policy change in {period} added a verification step to every {service} case, which took longer than estimated while staff learnt it ({shortfall}).',
      action:
        'The verification step was automated for low-risk cases and the checklist simplified; times are back on track for the cases processed since.',
    },
  ],
  accuracy: [
    {
      why: 'Quality reviews of {service} in {period} found errors in income calculations after new staff started work without a second check ({shortfall}).',
      action:
        'Every case from staff in their first six months now gets a second review, and the income worksheet was rebuilt to check the arithmetic.',
    },
    {
      why: 'A change to a form used by {service} in {period} left an old field in place; customers filled both and cases were decided on the wrong one ({shortfall}).',
      action:
        'The form was corrected, the affected cases were reopened and fixed, and form changes are now tested with customers before release.',
    },
    {
      why: 'Guidance for {service} was updated mid-period ({period}) and offices applied it unevenly until training reached everyone ({shortfall}).',
      action:
        'All offices finished the training, the guidance now comes with worked examples, and reviewers sample every office each month.',
    },
  ],
  satisfaction: [
    {
      why: 'Customers of {service} told us in {period} that waits and repeated calls frustrated them; the comments point to unclear status updates ({shortfall}).',
      action:
        'Status messages were rewritten in plain language with customers, and an online status page shows each step and its usual time.',
    },
    {
      why: 'The new online form for {service} launched in {period} with problems on phones; many respondents could not finish it ({shortfall}).',
      action:
        'The form was fixed for small screens and tested with customers using assistive technology; a paper route stays open meanwhile.',
    },
    {
      why: 'Staffing shortfalls in {period} meant longer waits at {service} counters and phones, which customers rated lower ({shortfall}).',
      action:
        'Appointments now cover the busiest hours, callers can ask for a call back, and survey comments are reviewed every week.',
    },
  ],
};

function explainMiss(miss: {
  dimension: Dimension;
  service: string;
  period: Period;
  channel: Channel | 'all';
  shortfall: string;
  variant: number;
}): { why: string; action: string } {
  const set = EXPLANATIONS[miss.dimension as keyof typeof EXPLANATIONS] ?? EXPLANATIONS.speed;
  const chosen = set[miss.variant % set.length]!;
  const channel = miss.channel === 'all' ? '' : ` (${miss.channel.replace('_', ' ')} channel)`;
  const fill = (text: string) =>
    text
      .replaceAll('{service}', `${miss.service}${channel}`)
      .replaceAll('{period}', formatPeriodLabel(miss.period))
      .replaceAll('{shortfall}', miss.shortfall);
  return { why: fill(chosen.why), action: fill(chosen.action) };
}

function splitVolume(total: number, parts: number, rand: () => number): number[] {
  const first = Math.round(total * (0.45 + rand() * 0.3));
  return parts === 1 ? [total] : [first, total - first];
}

function round(value: number, unit: Unit): number {
  const decimals = unit === 'score' ? 2 : 1;
  return Math.round(value * 10 ** decimals) / 10 ** decimals;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
