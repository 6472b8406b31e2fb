import PDFDocument from 'pdfkit';
import type { PublicCxSection, PublicReport } from '@yardstick/contracts';
import {
  describeTally,
  formatChange,
  formatMeasure as formatValue,
  formatTarget,
  STATUS_LABELS as STATUS_WORDS,
} from '@yardstick/metrics';

// The open data files: CSV safe to open in a spreadsheet, the annual report as PDF, and the DCAT-US catalog.

/**
 * One CSV cell. Text that a spreadsheet would read as a formula (starting with = + - @, or a tab or carriage
 * return) gets a leading apostrophe; numbers are written as numbers, so a negative value stays a number.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export const REPORT_CSV_COLUMNS = [
  'service',
  'standard_code',
  'standard_title',
  'statement',
  'dimension',
  'unit',
  'fiscal_year',
  'target',
  'target_min',
  'target_max',
  'result',
  'results_in_year',
  'status',
  'previous_year_result',
  /** In the standard's unit: percentage points for a percent. */
  'change',
  'change_in_words',
  'version',
  'explanations',
  'benchmarks',
] as const;

/** What a report of a fiscal year in progress says first: it covers only part of the year. */
export function partialNotice(report: PublicReport): string {
  const p = report.partial!;
  return `A partial year: fiscal year ${report.fiscalYear} is still in progress. This report covers the results certified by ${p.asOf} (${p.monthsElapsed} of 12 months ended${p.latestPeriodLabel ? `; the latest period reported is ${p.latestPeriodLabel}` : ''}); its figures will change as the remaining periods are reported and certified.`;
}

export function reportCsv(report: PublicReport): string {
  const rows = report.services.flatMap((service) =>
    service.standards.map((s) => ({
      service: service.name,
      standard_code: s.code,
      standard_title: s.title,
      statement: s.statement,
      dimension: s.dimension,
      unit: s.unit,
      fiscal_year: report.fiscalYear,
      target: s.target?.value ?? null,
      target_min: s.target?.minValue ?? null,
      target_max: s.target?.maxValue ?? null,
      result: s.result.value,
      results_in_year: s.result.periods,
      status: s.status,
      previous_year_result: s.previous.value,
      change: s.change,
      change_in_words: formatChange(s.change, s.unit),
      version: s.version,
      explanations: s.explanations.map((e) => `${e.periodKey}: ${e.why} Action: ${e.action}`).join(' | '),
      benchmarks: s.benchmarks.map((b) => `${b.name} (${b.sourceOrganization}, ${b.year}): ${b.value}`).join(' | '),
    })),
  );
  return toCsv(REPORT_CSV_COLUMNS, rows);
}

/** A text PDF (tagged by headings; the HTML page is the accessible original), with its writers. */
export function startPdf(info: { Title: string; Author: string; Subject: string }): {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
  heading: (text: string, size: number) => void;
  body: (text: string) => PDFKit.PDFDocument;
} {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 54,
    info,
    lang: 'en-US',
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string, size: number) => {
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(text).moveDown(0.3);
  };
  const body = (text: string) => doc.font('Helvetica').fontSize(10).text(text);
  return { doc, done, heading, body };
}

/** The annual report as a PDF (text, tagged by headings; the HTML page is the accessible original). */
export function reportPdf(report: PublicReport, pageUrl: string): Promise<Buffer> {
  const { doc, done, heading, body } = startPdf({
    Title: `${report.agency.name}: annual report on service standards, fiscal year ${report.fiscalYear}`,
    Author: report.agency.name,
    Subject: 'Customer service standards and results',
  });

  heading(`${report.agency.name}`, 20);
  heading(`Annual report on service standards, fiscal year ${report.fiscalYearName}`, 14);
  body(`The fiscal year ran from ${report.fiscalYearSpan}.`);
  body(`The web version of this report: ${pageUrl}`);
  if (report.partial) body(partialNotice(report));
  heading('Summary', 13);
  body(describeTally(report.tally));
  body(`Fiscal year ${report.previousFiscalYearName}: ${describeTally(report.previousTally)}`);

  for (const service of report.services) {
    heading(service.name, 13);
    for (const s of service.standards) {
      doc.font('Helvetica-Bold').fontSize(10.5).text(`${s.title} (${s.code})`);
      body(s.statement);
      const target = formatTarget(s.target, s.unit, 'no target');
      body(
        `Target: ${target}. Result: ${formatValue(s.result.value, s.unit)}${s.result.reason ? ` (${s.result.reason})` : ''}. Status: ${STATUS_WORDS[s.status]}.`,
      );
      body(
        `Previous year: ${formatValue(s.previous.value, s.unit)}${s.change !== null ? `; change ${formatChange(s.change, s.unit)}` : ''}.`,
      );
      for (const e of s.explanations)
        body(`Why the target was missed (${e.periodLabel}): ${e.why} What we will do: ${e.action}`);
      for (const b of s.benchmarks)
        body(`Benchmark: ${b.name}, ${b.sourceOrganization} ${b.year}: ${formatValue(b.value, b.unit)}.`);
      doc.moveDown(0.5);
    }
  }
  if (report.benchmarks.length > 0) {
    heading('Benchmarks used and their sources', 13);
    for (const b of report.benchmarks) {
      body(
        `${b.name}: ${formatValue(b.value, b.unit)} (${b.sourceOrganization}, ${b.year})${b.sourceUrl ? `, ${b.sourceUrl}` : ''}.`,
      );
    }
  }
  heading('Methodology', 13);
  for (const line of report.methodology) body(line).moveDown(0.3);
  doc.end();
  return done;
}

/** Columns of a service's customer feedback CSV: one row per quarter and question. */
export const CX_COLUMNS = [
  'service',
  'period',
  'question',
  'question_text',
  'respondents',
  'percent_positive',
  'lower_95',
  'upper_95',
  'mean',
  'mean_lower_95',
  'mean_upper_95',
  'small_sample',
  'average_only',
  'surveys_offered',
  'customers_served',
  'response_rate',
  'not_random_sample',
] as const;

export function cxRecords(section: PublicCxSection): Record<(typeof CX_COLUMNS)[number], unknown>[] {
  return section.collections.flatMap((c) =>
    c.scores.questions.map((q) => ({
      service: section.service.slug,
      period: c.periodKey,
      question: q.question,
      question_text: q.questionText,
      respondents: q.respondents,
      percent_positive: q.percentPositive,
      lower_95: q.lower,
      upper_95: q.upper,
      mean: q.mean,
      mean_lower_95: q.meanLower,
      mean_upper_95: q.meanUpper,
      small_sample: q.smallSample,
      average_only: q.averageOnly,
      surveys_offered: c.scores.surveysOffered,
      customers_served: c.scores.customersServed,
      response_rate: c.scores.responseRate,
      not_random_sample: c.notRandomSample,
    })),
  );
}
