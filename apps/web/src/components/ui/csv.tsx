/** One CSV cell: quoted, and a value a spreadsheet would run as a formula neutralised with a quote mark. */
export const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

export type CsvColumn<T> = { header: string; value: (row: T) => unknown };

export const toCsv = <T,>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string =>
  [
    columns.map((c) => csvCell(c.header)).join(','),
    ...rows.map((row) => columns.map((c) => csvCell(c.value(row))).join(',')),
  ].join('\r\n') + '\r\n';

export const downloadText = (fileName: string, text: string, type = 'text/csv;charset=utf-8'): void => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/** A button that downloads the rows as CSV. */
export const CsvButton = <T,>({
  fileName,
  rows,
  columns,
  label = 'Download CSV',
}: {
  fileName: string;
  rows: readonly T[];
  columns: readonly CsvColumn<T>[];
  label?: string;
}) => (
  <button
    type="button"
    className="usa-button usa-button--outline"
    onClick={() => downloadText(fileName, toCsv(rows, columns))}
  >
    {label}
  </button>
);
