import { ImportFileError } from './types.js';

/** What a format expects of a header. Names are canonical; files may differ in case and spacing. */
export type HeaderSpec = {
  required: readonly string[];
  optional: readonly string[];
  /** Alternatives of which one must be complete, e.g. `[['standard_id'], ['agency', 'standard_code']]`. */
  oneOf?: readonly (readonly string[])[];
  /** Other names a column may go by (already normalized) -> its canonical name. */
  alias?: (normalized: string) => string | undefined;
};

export type HeaderCheck = {
  missing: string[];
  unknown: string[];
  duplicate: string[];
  /** Canonical name -> the header as written in the file, for the columns that are there. */
  columns: Map<string, string>;
  /** `missing columns: period, value; unknown columns: vaule`, or null when the header is right. */
  problem: string | null;
};

/** Header names are compared trimmed, case-insensitively, with runs of spaces as one. */
export function normalizeHeader(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Checks a header against a format, naming every missing and unknown column. */
export function checkHeader(headers: readonly string[], spec: HeaderSpec): HeaderCheck {
  const canonical = new Map<string, string>();
  for (const name of [...spec.required, ...spec.optional]) canonical.set(normalizeHeader(name), name);

  const columns = new Map<string, string>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  for (const header of headers) {
    const normalized = normalizeHeader(header);
    const name = canonical.get(normalized) ?? spec.alias?.(normalized);
    if (name === undefined) {
      unknown.push(header);
    } else if (columns.has(name)) {
      duplicate.push(header);
    } else {
      columns.set(name, header);
    }
  }

  const missing = spec.required.filter((name) => !columns.has(name));
  if (spec.oneOf && !spec.oneOf.some((group) => group.every((name) => columns.has(name)))) {
    // Name what is missing from the alternative the file has started on, or all of them.
    const started = spec.oneOf.find((group) => group.some((name) => columns.has(name)));
    if (started) missing.push(...started.filter((name) => !columns.has(name)));
    else {
      const [first, ...others] = spec.oneOf.map((group) => group.join(' and '));
      missing.unshift(`${first} (or ${others.join(' or ')})`);
    }
  }

  const parts: string[] = [];
  if (missing.length > 0) parts.push(`missing columns: ${missing.join(', ')}`);
  if (unknown.length > 0) parts.push(`unknown columns: ${unknown.join(', ')}`);
  if (duplicate.length > 0) parts.push(`repeated columns: ${duplicate.join(', ')}`);
  let problem = parts.length > 0 ? parts.join('; ') : null;
  if (problem !== null && headers.length === 1 && /[;\t|]/.test(headers[0] ?? '')) {
    problem += ` (the columns seem to be separated by "${/[;\t|]/.exec(headers[0]!)![0].replace('\t', 'tab')}": save the file as CSV UTF-8, comma-separated)`;
  }
  return { missing, unknown, duplicate, columns, problem };
}

/** Like checkHeader, but throws ImportFileError('bad_header') when the header is wrong. */
export function requireHeader(headers: readonly string[], spec: HeaderSpec, line?: number): Map<string, string> {
  const check = checkHeader(headers, spec);
  if (check.problem !== null) {
    throw new ImportFileError('bad_header', `The header is not right: ${check.problem}.`, line, {
      missing: check.missing,
      unknown: check.unknown,
      duplicate: check.duplicate,
    });
  }
  return check.columns;
}
