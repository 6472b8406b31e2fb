/** A cell of a file, or what a person typed in a form: text, a number (XLSX), or blank. */
export type CellValue = string | number | null;

/**
 * The one rule every import format, and every staff form, reads numbers by (the API's imports and the
 * web's result form share it, so a figure a file may hold can be typed too):
 *
 * - A blank cell (empty or only spaces) is null, never 0.
 * - Words such as "N/A", "-" or "n.d." are null only in a format that lists them (`nullTokens`);
 *   anywhere else they are text in a number cell, an error naming the column and the value.
 * - Digits with an optional leading "-" and an optional decimal point: `1234`, `-0.5`, `.5`.
 *   No "+", no exponent (`1e5`), no currency sign, no spaces inside.
 * - Thousands separators are commas in groups of three: `1,234` and `1,234,567.5` are accepted,
 *   `1,23`, `12,34,567` and the European `1.234,5` are refused (they are ambiguous).
 * - A trailing `%` is accepted only in a percent column; elsewhere it is an error.
 *   - `percent: 'sign'`: the column is in the unit of its standard, which may be percent (0-100);
 *     `91.2%` reads as 91.2, and the caller is told a sign was there so it can refuse it for a
 *     standard whose unit is not percent.
 *   - `percent: 'fraction'`: the source writes percents as fractions (0.912); a bare number is
 *     multiplied by 100 (decimal-exact: 0.033 gives 3.3, not 3.3000000000000003), and `91.2%`
 *     is already a percent and reads as 91.2.
 * - `integer`: counts must be whole (`12.0` is 12, `12.5` is an error); `nonNegative`: not below 0.
 * - XLSX numbers are rounded to 15 significant digits (what Excel shows and keeps) and then read
 *   by the same rule as text, so an XLSX file and its CSV export give the same values.
 */
export type NumberSpec = {
  integer?: boolean;
  nonNegative?: boolean;
  percent?: 'none' | 'sign' | 'fraction';
  /** Words that mean "not known" in this format, compared case-insensitively. */
  nullTokens?: readonly string[];
};

export type NumberReading = { ok: true; value: number | null; percentSign: boolean } | { ok: false; reason: string };

const DECIMAL = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;
const LOOKS_NUMERIC = /^[-+]?[\d.,]*\d[\d.,]*$/;

export function readNumber(cell: CellValue, spec: NumberSpec = {}): NumberReading {
  if (cell === null) return { ok: true, value: null, percentSign: false };
  let text: string;
  if (typeof cell === 'number') {
    const plain = numberToText(cell);
    if (plain === null) return { ok: false, reason: 'is not a finite number' };
    text = plain;
  } else {
    text = cell.trim();
  }
  if (text === '') return { ok: true, value: null, percentSign: false };
  // Most cells of a large file are plain digits: read without the regular expression, by the same rule.
  if (spec.percent !== 'fraction' && isPlainDecimal(text)) return checked(Number(text), false, spec);
  const lower = text.toLowerCase();
  if (spec.nullTokens?.some((token) => token.toLowerCase() === lower)) {
    return { ok: true, value: null, percentSign: false };
  }

  let percentSign = false;
  if (text.endsWith('%')) {
    percentSign = true;
    text = text.slice(0, -1).trimEnd();
    const percent = spec.percent ?? 'none';
    if (percent === 'none') return { ok: false, reason: 'has a % sign, but this is not a percent column' };
  }

  const match = DECIMAL.exec(text);
  if (match === null || (match[2] === undefined && match[3] === undefined)) {
    if (text.includes(',') && LOOKS_NUMERIC.test(text)) {
      return {
        ok: false,
        reason: 'has a comma that is not a thousands separator: write 1,234 or 1234, and a decimal point',
      };
    }
    return { ok: false, reason: 'is not a number' };
  }
  const negative = match[1] !== undefined;
  const whole = (match[2] ?? '0').replaceAll(',', '');
  const fraction = match[3] ?? '';
  let decimal = `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  if (spec.percent === 'fraction' && !percentSign) decimal = shiftDecimal(decimal, 2);

  return checked(Number(decimal), percentSign, spec);
}

function checked(value: number, percentSign: boolean, spec: NumberSpec): NumberReading {
  if (!Number.isFinite(value)) return { ok: false, reason: 'is not a finite number' };
  if (spec.integer && !Number.isInteger(value)) return { ok: false, reason: 'must be a whole number' };
  if (spec.integer && !Number.isSafeInteger(value)) return { ok: false, reason: 'is too large' };
  if (spec.nonNegative && value < 0) return { ok: false, reason: 'must not be negative' };
  // -0 reads as 0, so that a stored value never depends on how a zero was written.
  return { ok: true, value: value === 0 ? 0 : value, percentSign };
}

/** Digits, perhaps with a leading "-" and one decimal point followed by digits: what DECIMAL accepts without commas. */
function isPlainDecimal(text: string): boolean {
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  let digits = 0;
  let point = -1;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && point === -1) point = i;
    else return false;
  }
  return digits > 0 && point !== text.length - 1;
}

/**
 * Moves the decimal point of a plain decimal (`-12.345`) by `places` (right when positive), exactly:
 * `shiftDecimal('0.033', 2)` is `'3.3'`, `shiftDecimal('5.17', 9)` is `'5170000000'`.
 */
export function shiftDecimal(decimal: string, places: number): string {
  const negative = decimal.startsWith('-');
  const unsigned = negative ? decimal.slice(1) : decimal;
  const [whole = '', fraction = ''] = unsigned.split('.');
  const digits = whole + fraction;
  let point = whole.length + places;
  let padded = digits;
  if (point > padded.length) padded = padded.padEnd(point, '0');
  if (point < 0) {
    padded = '0'.repeat(-point) + padded;
    point = 0;
  }
  const intPart = padded.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = padded.slice(point).replace(/0+$/, '');
  const result = fracPart ? `${intPart}.${fracPart}` : intPart;
  return negative && /[1-9]/.test(result) ? `-${result}` : result;
}

/**
 * A number as a plain decimal, rounded to 15 significant digits as Excel keeps them (a formula's
 * 0.30000000000000004 is 0.3), without exponent notation; null when not finite.
 */
export function numberToText(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  const exponent = /^(-?[\d.]+)e([+-]\d+)$/.exec(text);
  if (exponent === null) return text;
  return shiftDecimal(exponent[1]!, Number(exponent[2]));
}
