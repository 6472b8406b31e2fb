import { ALL_CHANNELS, type Computation, type Unit } from '@yardstick/contracts';
import { unendedPeriodProblem } from './due.js';
import { tryParsePeriodKey, type FiscalCalendar, type Frequency, type Period } from './fiscal-calendar.js';
import { SHARE_TOLERANCE, shareOf, unitValueProblem, type ValueRange } from './units.js';

// The rules a result must meet, written once: the single-result route, the import's row check and the
// template's parser all ask `resultProblems`, so a bad figure gets the same reason whichever way it comes.

/** The fields of a result a problem can be about, by their API names (an import maps them to its columns). */
export type ResultField = 'period' | 'channel' | 'value' | 'numerator' | 'denominator' | 'dataQualityNote';

export type ResultProblem = { field: ResultField; value?: string | number; reason: string };

/** A result's figures, as entered. */
export type ResultFigures = {
  /** As written (then parsed in the standard's calendar), or already parsed (a file's reader parses each once). */
  period: string | Period | null;
  /** ALL_CHANNELS for every channel. */
  channel: string;
  value: number | null;
  /** The value was written with a % sign: the standard's unit must be percent. */
  valueHasPercentSign?: boolean;
  numerator: number | null;
  denominator: number | null;
  dataQualityNote: string | null;
};

/** What the checks need to know of the result's standard (its open version) and agency. */
export type ResultStandardFacts = {
  /** Named in the reasons that need it (a file names standards by code). */
  code?: string;
  computation: Computation;
  unit: Unit;
  valueRange: ValueRange | null;
  frequency: Frequency;
  /** Empty: every channel. */
  channelScope: readonly string[];
  /** The agency's fiscal calendar, in which a written period is dated (the US federal one if not given). */
  calendar?: FiscalCalendar;
};

export type ResultCheckOptions = {
  /** A new result: a period that has not ended on this day is refused (a correction keeps its period). */
  today?: string;
};

export const PERIOD_FORMATS = 'must be a month like 2026-03, a quarter like FY2026-Q2 or a fiscal year like FY2026';

/** The one set of reasons a result is refused with (those that take no figure). */
export const RESULT_PROBLEM_REASONS = {
  periodRequired: `is required: ${PERIOD_FORMATS.replace('must be ', '')}`,
  periodFormat: PERIOD_FORMATS,
  periodLooksLikeDate: `${PERIOD_FORMATS} (is this a month that the spreadsheet turned into a date? Format the column as text)`,
  countsTogether: 'is required: numerator and denominator come together',
  countsOnlyForShare: 'applies only to a share meeting a threshold',
  nothingToMeasure: 'must be blank when the denominator is 0 (there was nothing to measure)',
  noteRequired: 'is required when the value is blank: say why it is not known',
} as const;

const NO_PROBLEMS: readonly ResultProblem[] = Object.freeze([]);

/**
 * Every problem with a result, each naming its field (none: it may be recorded). Without its standard
 * (`standard` null: a file's reader, before the standard is looked up) only the checks that need no
 * standard run, and counts are taken to make a share. Pure; a result that passes makes no object.
 */
export function resultProblems(
  result: ResultFigures,
  standard: ResultStandardFacts | null,
  options: ResultCheckOptions = {},
): readonly ResultProblem[] {
  let problems: ResultProblem[] | undefined;
  const add = (field: ResultField, reason: string, value?: string | number | null): void => {
    (problems ??= []).push(value === undefined || value === null ? { field, reason } : { field, value, reason });
  };

  const period = resultPeriod(result.period, standard?.calendar);
  if (period === null) {
    const text = typeof result.period === 'string' ? result.period.trim() : '';
    if (text === '') add('period', RESULT_PROBLEM_REASONS.periodRequired);
    else {
      const reason = /^\d{4}-\d{2}-\d{2}/.test(text)
        ? RESULT_PROBLEM_REASONS.periodLooksLikeDate
        : RESULT_PROBLEM_REASONS.periodFormat;
      add('period', reason, result.period as string);
    }
  } else {
    if (standard && period.frequency !== standard.frequency) {
      add('period', `is a ${period.frequency}, but this standard is reported by ${standard.frequency}`, period.key);
    }
    const unended = options.today !== undefined ? unendedPeriodProblem(period, options.today) : null;
    if (unended) add('period', unended, period.key);
  }

  if (
    standard &&
    result.channel !== ALL_CHANNELS &&
    standard.channelScope.length > 0 &&
    !standard.channelScope.includes(result.channel)
  ) {
    add('channel', `is not one of this standard's channels (${standard.channelScope.join(', ')})`, result.channel);
  }

  const { numerator, denominator } = result;
  let value = result.value;
  /** Counts that cannot be: the value they would make is not asked for as well. */
  let countsWrong = false;
  if (standard && value !== null && result.valueHasPercentSign && standard.unit !== 'percent') {
    add(
      'value',
      `has a % sign, but ${standard.code ? `standard ${standard.code}` : 'this standard'} is measured in ${standard.unit}`,
      value,
    );
  }
  if ((numerator === null) !== (denominator === null)) {
    add(numerator === null ? 'numerator' : 'denominator', RESULT_PROBLEM_REASONS.countsTogether);
  } else if (numerator !== null && denominator !== null) {
    if (standard && standard.computation !== 'share_meeting_threshold') {
      add('numerator', RESULT_PROBLEM_REASONS.countsOnlyForShare);
    } else if (numerator > denominator) {
      add('numerator', `must not be above the denominator (${denominator})`, numerator);
      countsWrong = true;
    } else {
      const share = shareOf(numerator, denominator);
      if (share === null) {
        if (value !== null) add('value', RESULT_PROBLEM_REASONS.nothingToMeasure, value);
      } else if (value === null) value = share;
      else if (Math.abs(value - share) > SHARE_TOLERANCE) {
        add('value', `disagrees with numerator/denominator, which make ${Number(share.toFixed(2))}%`, value);
      }
    }
  }

  if (value !== null) {
    const problem = standard ? unitValueProblem(standard.unit, value, standard.valueRange) : null;
    if (problem) add('value', problem, value);
  } else if (!result.dataQualityNote && !countsWrong) {
    add('dataQualityNote', RESULT_PROBLEM_REASONS.noteRequired);
  }
  return problems ?? NO_PROBLEMS;
}

/** The value a result records: as given, or (blank) the share its counts make for a share standard. */
export function resultValue(
  result: Pick<ResultFigures, 'value' | 'numerator' | 'denominator'>,
  standard: Pick<ResultStandardFacts, 'computation'>,
): number | null {
  if (result.value !== null || standard.computation !== 'share_meeting_threshold') return result.value;
  return shareOf(result.numerator, result.denominator);
}

/** The result's period, dated in the calendar: null when it is not one. */
export function resultPeriod(period: string | Period | null, calendar?: FiscalCalendar): Period | null {
  if (period === null) return null;
  if (typeof period !== 'string') return period;
  const text = period.trim();
  return text === '' ? null : tryParsePeriodKey(text.toUpperCase(), calendar);
}
