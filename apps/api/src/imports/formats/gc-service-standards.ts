import type { Channel, Dimension } from '@yardstick/contracts';
import { fiscalCalendar, fiscalYearPeriod, roundForComparison, shareOf, type Period } from '@yardstick/metrics';
import { KeyLines } from './duplicate-keys.js';
import { readNumber } from './numbers.js';
import type { HeaderSpec } from './header.js';
import { parseRows, type RowReader } from './row-reader.js';
import type { FieldMapping, ParsedRow, TableRow } from './types.js';

// The Government of Canada service standards file (`ss.csv`), as described by its data dictionary
// (service_data_dict.json, resource "service-std"). One row is one standard of one service of one
// department for one fiscal year, with its target and its result.

/** Canada's fiscal year runs 1 April to 31 March; "2023-2024" is FY2024 (named after the year it ends in). */
export const GC_FISCAL_CALENDAR = fiscalCalendar(4);

/** Service Standard Channel codes of the data dictionary. */
export const GC_CHANNELS: Readonly<Record<string, Channel>> = {
  EML: 'email',
  FAX: 'other',
  ONL: 'online',
  OTH: 'other',
  PERSON: 'in_person',
  POST: 'mail',
  TEL: 'phone',
};

/** Service Standard Type codes of the data dictionary. */
export const GC_TYPES: Readonly<Record<string, Dimension>> = {
  TML: 'speed',
  ACY: 'accuracy',
  ACS: 'access',
  OTH: 'other',
};

/** How each field of ss.csv maps onto Yardstick (the README's table). */
export const GC_FIELD_MAPPING: readonly FieldMapping[] = [
  {
    source: 'fiscal_yr',
    yardstick: 'target and result period',
    rule: 'Canada\'s fiscal year runs 1 April to 31 March; "2023-2024" becomes FY2024 (named, like every Yardstick fiscal year, after the year it ends in), dated 1 April 2023 to 31 March 2024. A new department gets April as its fiscal year start month; an existing one must have it. The result\'s source says which Canadian year it was.',
  },
  {
    source: 'owner_org',
    yardstick: 'department (agency): abbreviation and slug',
    rule: '"aafc-aac": the abbreviation is its part before the first "-", upper case (AAFC), and finds the agency; a new one gets the slug aafc-aac. Only an administrator\'s import adds departments.',
  },
  {
    source: 'owner_org_title',
    yardstick: 'department (agency) name',
    rule: '"English | French": the English part names a new department; the French part is not kept.',
  },
  {
    source: 'service_id',
    yardstick: 'service (found or created by its slug)',
    rule: "The slug is the department's and the id, lower case: aafc-aac-2224, aafc-aac-srv03054.",
  },
  { source: 'service_name_en', yardstick: 'service name', rule: 'As written, for a new service.' },
  {
    source: 'service_standard_id',
    yardstick: 'standard identity and code',
    rule: 'Repeats across services, so a standard is owner_org + service_id + service_standard_id; its code within the department is "<service_id>-<service_standard_id>", which finds it again on the next import. The same identity twice in one fiscal year is an error. A new standard is a draft (version 1, yearly, percent, share meeting the standard, higher is better) for an approver to publish.',
  },
  {
    source: 'service_standard_en',
    yardstick: 'standard statement and title',
    rule: 'As written (the title cut at 200 characters).',
  },
  {
    source: 'type',
    yardstick: 'standard dimension',
    rule: 'TML (timeliness) -> speed, ACY -> accuracy, ACS -> access, OTH -> other; any other code is an error.',
  },
  {
    source: 'channel',
    yardstick: 'standard channel scope (one channel)',
    rule: 'ONL -> online, TEL -> phone, PERSON -> in_person, POST -> mail, EML -> email, FAX -> other, OTH -> other (the dictionary\'s full list); any other code is an error. The result covers the standard\'s channel, so its channel is "all".',
  },
  {
    source: 'channel_comments_en',
    yardstick: "end of the standard's measure description",
    rule: 'As written; blank adds nothing.',
  },
  {
    source: 'target',
    yardstick: 'fiscal-year target (percent, higher is better)',
    rule: "A fraction 0-1 in the file, stored as a percent: 0.9 -> 90 (a value written with % is taken as a percent). Blank means no target that year; so does 0 with target_met NA, the file's way of saying it (with a warning). Above 1 is an error.",
  },
  {
    source: 'volume_meeting_target',
    yardstick: 'result numerator',
    rule: 'A whole number, not negative, not above total_volume. Blank (no information) stays blank; 0 stays 0.',
  },
  {
    source: 'total_volume',
    yardstick: 'result denominator',
    rule: 'A whole number, not negative. Blank (no information) stays blank; 0 (nothing delivered) gives no percent and says so in the data-quality note. When only one of the two volumes is given, both are left blank, with a warning, and the known one is quoted in the note.',
  },
  {
    source: 'performance',
    yardstick: 'checked, not stored',
    rule: 'Yardstick computes the result as volume_meeting_target / total_volume x 100; a file figure that differs from the volumes (rounded to 4 decimals, as the file rounds) is a warning.',
  },
  {
    source: 'target_met',
    yardstick: 'checked, not stored',
    rule: 'Y / N / NA, checked against the volumes and the target the way the file computes it (performance rounded to 4 decimals, half to even, compared with the target); a mismatch is a warning. Yardstick computes its own status from the counts.',
  },
  {
    source: 'comments_en',
    yardstick: "result's explanation (why)",
    rule: 'As written, whether or not the target was missed; the file has no field for what will be done, so the explanation says so. Blank: no explanation.',
  },
  {
    source: 'standards_targets_uri_en, performance_results_uri_en',
    yardstick: 'read, not stored',
    rule: 'Yardstick has no field for these links yet.',
  },
  {
    source:
      'service_name_fr, service_standard_fr, channel_comments_fr, comments_fr, standards_targets_uri_fr, performance_results_uri_fr',
    yardstick: 'not imported',
    rule: 'French text is not kept (Yardstick has one language).',
  },
];

const REQUIRED = [
  'fiscal_yr',
  'service_id',
  'service_name_en',
  'service_standard_id',
  'service_standard_en',
  'type',
  'channel',
  'target',
  'volume_meeting_target',
  'total_volume',
  'owner_org',
  'owner_org_title',
] as const;

export const GC_HEADER: HeaderSpec = {
  required: REQUIRED,
  optional: [
    'service_name_fr',
    'service_standard_fr',
    'channel_comments_en',
    'channel_comments_fr',
    'performance',
    'comments_en',
    'comments_fr',
    'target_met',
    'standards_targets_uri_en',
    'standards_targets_uri_fr',
    'performance_results_uri_en',
    'performance_results_uri_fr',
  ],
};

export type GcServiceStandardRecord = {
  department: { code: string; abbreviation: string; name: string; nameFr: string | null };
  service: { id: string; name: string };
  standard: {
    /** owner_org/service_id/service_standard_id: the standard's identity across files and years. */
    key: string;
    /** Its code within the department: service_id-service_standard_id. */
    code: string;
    sourceId: string;
    statement: string;
    dimension: Dimension;
    channel: Channel;
    channelComment: string | null;
    unit: 'percent';
    computation: 'share_meeting_threshold';
    direction: 'higher_is_better';
    frequency: 'year';
    targetsUrl: string | null;
    resultsUrl: string | null;
  };
  /** The fiscal year's target in percent; null when the file gives none. */
  target: { period: Period; value: number } | null;
  result: {
    period: Period;
    channel: 'all';
    /** Percent from the volumes; null when they are blank or total 0. */
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    source: string;
    dataQualityNote: string | null;
    /** comments_en, the department's explanation. */
    explanationText: string | null;
  };
  /** The file's own fiscal year, e.g. "2023-2024". */
  sourceFiscalYear: string;
};

const COUNT = { integer: true, nonNegative: true } as const;
/** The file rounds performance to 4 decimals; a figure within half a unit of the 4th decimal agrees. */
const PERFORMANCE_TOLERANCE = 0.00005 + 1e-12;

/** Parses rows of ss.csv, a batch at a time. Mismatched performance or target_met figures are warnings. */
export function parseGcServiceStandardRows(
  rows: AsyncIterable<readonly TableRow[]>,
): AsyncIterable<ParsedRow<GcServiceStandardRecord>[]> {
  const keys = new KeyLines();
  return parseRows(rows, GC_HEADER, (reader) => parseGcRow(reader, keys), gcRowIdentity);
}

/** A row in the file's own terms: department, service and standard id (and year), as a reader finds it. */
function gcRowIdentity(r: RowReader): string | null {
  const parts = [
    r.text('owner_org'),
    r.text('service_id') && `service ${r.text('service_id')}`,
    r.text('service_standard_id') && `standard ${r.text('service_standard_id')}`,
    r.text('fiscal_yr'),
  ].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(', ') : null;
}

function parseGcRow(r: RowReader, keys: KeyLines): ParsedRow<GcServiceStandardRecord> {
  const fiscal = readFiscalYear(r);
  const orgCode = r.requiredText('owner_org');
  const orgTitle = r.requiredText('owner_org_title');
  const serviceId = r.requiredText('service_id');
  const serviceName = r.requiredText('service_name_en');
  const standardId = r.requiredText('service_standard_id');
  const statement = r.requiredText('service_standard_en');
  const dimension = readCode(r, 'type', GC_TYPES);
  const channel = readCode(r, 'channel', GC_CHANNELS);
  const target = r.number('target', { percent: 'fraction' });
  if (target !== null && (target < 0 || target > 100)) {
    r.error('target', 'must be a fraction from 0 to 1 (0.9 is a 90% target)');
  }
  const met = r.number('volume_meeting_target', COUNT);
  const total = r.number('total_volume', COUNT);
  if (met !== null && total !== null && met > total) {
    r.error('volume_meeting_target', `must not be above total_volume (${total})`);
  }

  if (
    fiscal === null ||
    orgCode === null ||
    orgTitle === null ||
    serviceId === null ||
    serviceName === null ||
    standardId === null ||
    statement === null ||
    dimension === null ||
    channel === null ||
    r.errors.length > 0
  ) {
    return r.rejected();
  }

  const key = `${orgCode}/${serviceId}/${standardId}`;
  const first = keys.firstLine(`${key}\u0000${fiscal.period.key}`, r.line);
  if (first !== undefined) {
    r.error(
      'service_standard_id',
      `repeats line ${first}: the same department, service and standard can appear only once a fiscal year`,
      `${key} ${fiscal.text}`,
    );
    return r.rejected();
  }

  const keptTarget = checkFileFigures(r, met, total, target);
  const { value, numerator, denominator, note } = resultFigures(r, met, total);
  const [name = orgTitle, nameFr = null] = orgTitle.split(' | ').map((part) => part.trim());
  return r.result({
    department: {
      code: orgCode,
      abbreviation: orgCode.split('-')[0]!.toUpperCase(),
      name,
      nameFr,
    },
    service: { id: serviceId, name: serviceName },
    standard: {
      key,
      code: `${serviceId}-${standardId}`,
      sourceId: standardId,
      statement,
      dimension,
      channel,
      channelComment: r.text('channel_comments_en'),
      unit: 'percent',
      computation: 'share_meeting_threshold',
      direction: 'higher_is_better',
      frequency: 'year',
      targetsUrl: r.text('standards_targets_uri_en'),
      resultsUrl: r.text('performance_results_uri_en'),
    },
    target: keptTarget === null ? null : { period: fiscal.period, value: keptTarget },
    result: {
      period: fiscal.period,
      channel: 'all',
      value,
      numerator,
      denominator,
      source: `Government of Canada service standards file (ss.csv), Canadian fiscal year ${fiscal.text} (1 April ${fiscal.period.fiscalYear - 1} to 31 March ${fiscal.period.fiscalYear})`,
      dataQualityNote: note,
      explanationText: r.text('comments_en'),
    },
    sourceFiscalYear: fiscal.text,
  });
}

function readFiscalYear(r: RowReader): { text: string; period: Period } | null {
  const text = r.requiredText('fiscal_yr');
  if (text === null) return null;
  const match = /^(\d{4})-(\d{4})$/.exec(text);
  if (match === null || Number(match[2]) !== Number(match[1]) + 1) {
    r.error('fiscal_yr', 'must be a Canadian fiscal year like 2023-2024');
    return null;
  }
  try {
    return { text, period: fiscalYearPeriod(Number(match[2]), GC_FISCAL_CALENDAR) };
  } catch (error) {
    r.error('fiscal_yr', error instanceof RangeError ? error.message : 'is not a supported fiscal year');
    return null;
  }
}

function readCode<T>(r: RowReader, column: string, codes: Readonly<Record<string, T>>): T | null {
  const text = r.requiredText(column);
  if (text === null) return null;
  const mapped = codes[text.toUpperCase()];
  if (mapped === undefined)
    r.error(column, `must be one of the data dictionary's codes: ${Object.keys(codes).join(', ')}`);
  return mapped ?? null;
}

/**
 * The file's own performance and target_met, checked against the volumes; a mismatch is a warning.
 * Returns the target to keep: the file writes 0 with target_met NA for "no target" (all 43 zero
 * targets of 2023-2024 do), which is read as no target rather than a target that is always met.
 */
function checkFileFigures(
  r: RowReader,
  met: number | null,
  total: number | null,
  target: number | null,
): number | null {
  const ratio = met !== null && total !== null && total > 0 ? met / total : null;
  const performance = readFileFigure(r, 'performance');
  if (performance !== undefined) {
    if (performance === null && ratio !== null) {
      r.warn('performance', `is blank, but volume_meeting_target/total_volume make ${roundHalfEven(ratio)}`);
    } else if (performance !== null && ratio === null) {
      r.warn('performance', 'is given, but the volumes do not make a performance (one is blank, or total_volume is 0)');
    } else if (performance !== null && ratio !== null && Math.abs(performance - ratio) > PERFORMANCE_TOLERANCE) {
      r.warn('performance', `differs from volume_meeting_target/total_volume, which make ${roundHalfEven(ratio)}`);
    }
  }

  const targetMet = r.text('target_met')?.toUpperCase() ?? null;
  if (targetMet !== null && targetMet !== 'Y' && targetMet !== 'N' && targetMet !== 'NA') {
    r.warn('target_met', 'must be Y, N or NA');
    return target;
  }
  if (target === 0 && targetMet === 'NA') {
    r.warn('target', 'is 0 with target_met NA: read as no target');
    target = null;
  }
  if (targetMet === null) return target;
  // The file compares its performance, rounded to 4 decimals half to even, with the target, so 51,811
  // of 51,813 meets a 100% target there; the same comparison here keeps to real mismatches.
  const fraction = target === null ? null : target / 100;
  const rounded = ratio === null ? null : roundHalfEven(ratio);
  const expected = rounded === null || fraction === null ? 'NA' : rounded >= fraction - 1e-12 ? 'Y' : 'N';
  if (targetMet !== expected) {
    const why =
      expected === 'NA'
        ? 'there is no target or no performance to compare'
        : `the volumes make ${rounded} against a target of ${fraction}`;
    r.warn('target_met', `is ${targetMet}, but ${why}: expected ${expected}`);
  }
  return target;
}

/** The file's performance (a fraction); undefined when the column is absent or unreadable (then a warning). */
function readFileFigure(r: RowReader, column: string): number | null | undefined {
  if (!r.hasColumn(column)) return undefined;
  const reading = readNumber(r.cell(column));
  if (reading.ok) return reading.value;
  r.warn(column, reading.reason);
  return undefined;
}

function resultFigures(
  r: RowReader,
  met: number | null,
  total: number | null,
): { value: number | null; numerator: number | null; denominator: number | null; note: string | null } {
  if (met === null && total === null) {
    return {
      value: null,
      numerator: null,
      denominator: null,
      note: 'Not reported: volume_meeting_target and total_volume are blank in the file (no information available).',
    };
  }
  if (met === null || total === null) {
    const known = met === null ? `total_volume is ${total}` : `volume_meeting_target is ${met}`;
    const blank = met === null ? 'volume_meeting_target' : 'total_volume';
    r.warn(blank, `is blank while ${known}: the result is left blank, as a share needs both`);
    return {
      value: null,
      numerator: null,
      denominator: null,
      note: `Not reported: ${blank} is blank in the file (no information available); ${known}.`,
    };
  }
  if (total === 0) {
    return {
      value: null,
      numerator: met,
      denominator: total,
      note: 'total_volume is 0: nothing was delivered this fiscal year, so there is no share to report.',
    };
  }
  return { value: shareOf(met, total), numerator: met, denominator: total, note: null };
}

/** Rounded to 4 decimals, half to even, as the file's figures are (290/320 = 0.90625 is 0.9062). */
function roundHalfEven(value: number): number {
  return roundForComparison(value, 4);
}
