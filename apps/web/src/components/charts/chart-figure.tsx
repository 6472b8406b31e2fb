import { lazy, Suspense, type ReactNode } from 'react';
import { useHydrated } from '@/hooks/use-hydrated';
import type { ChartCanvasProps, ChartRow } from './chart-types';

// Recharts is its own chunk, fetched only once a page with a chart runs in the browser.
const ChartCanvas = lazy(() => import('./chart-canvas').then((m) => ({ default: m.ChartCanvas })));

export type ChartColumn = { key: string; label: string; format?: (value: ChartRow[string]) => ReactNode };

export type ChartFigureProps = ChartCanvasProps & {
  title: string;
  /** What the chart shows, in words: read by everyone, on the server-rendered page too. */
  summary: ReactNode;
  /** The table of the same numbers as the chart. */
  columns: ChartColumn[];
};

/**
 * A chart with its text summary and its data as a table. The summary and the table are in the server's HTML;
 * the drawing is added in the browser, hidden from assistive technology since the table carries the numbers.
 */
export const ChartFigure = ({ title, summary, columns, ...canvas }: ChartFigureProps) => {
  const mounted = useHydrated();
  return (
    <figure className="chart-figure margin-x-0">
      <figcaption className="text-bold font-sans-md margin-bottom-1">{title}</figcaption>
      <div className="chart-figure__summary">{summary}</div>
      <div className="chart-figure__canvas" aria-hidden="true" inert>
        {mounted ? (
          <Suspense fallback={<p className="chart-figure__placeholder">Loading the chart…</p>}>
            <ChartCanvas {...canvas} />
          </Suspense>
        ) : null}
      </div>
      <details className="chart-figure__data">
        <summary>The numbers in this chart, as a table</summary>
        <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label={`${title}: data table`}>
          <table className="usa-table usa-table--compact usa-table--striped">
            <caption className="usa-sr-only">{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {canvas.data.map((row, i) => (
                <tr key={i}>
                  {columns.map((c, j) =>
                    j === 0 ? (
                      <th key={c.key} scope="row">
                        {c.format ? c.format(row[c.key] ?? null) : (row[c.key] ?? '')}
                      </th>
                    ) : (
                      <td key={c.key}>{c.format ? c.format(row[c.key] ?? null) : (row[c.key] ?? '')}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
};
