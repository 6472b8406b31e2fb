import { lazy, startTransition, Suspense, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ChartCanvasProps, ChartRow } from './chart-types';

// Recharts is its own chunk, fetched only when a chart has come into view and the browser is idle.
const ChartCanvas = lazy(() => import('./chart-canvas').then((m) => ({ default: m.ChartCanvas })));

/** Runs fn when the browser is idle (Safari has no requestIdleCallback: shortly after); returns a cancel. */
const whenIdle = (fn: () => void): (() => void) => {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(fn, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 200);
  return () => clearTimeout(id);
};

/**
 * True once the element is near the viewport and the browser is idle: the drawing then renders in a
 * transition, in small slices, so it never holds up reading or scrolling. Never true on the server.
 */
const useDrawWhenVisible = (ref: RefObject<HTMLElement | null>): boolean => {
  const [draw, setDraw] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    let cancel = () => {};
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        cancel = whenIdle(() => startTransition(() => setDraw(true)));
      },
      { threshold: 0.1 },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancel();
    };
  }, [ref]);
  return draw;
};

export type ChartColumn = { key: string; label: string; format?: (value: ChartRow[string]) => ReactNode };

export type ChartFigureProps = ChartCanvasProps & {
  title: string;
  /** What the chart shows, in words: read by everyone, on the server-rendered page too. */
  summary: ReactNode;
  /** The table of the same numbers as the chart. */
  columns: ChartColumn[];
  /** When the page already has a table of the same numbers: where it is, instead of a second copy. */
  tableElsewhere?: { href: string; label: string };
};

/**
 * A chart with its text summary and its data as a table. The summary and the table are in the server's HTML;
 * the drawing is added in the browser, hidden from assistive technology since the table carries the numbers.
 */
export const ChartFigure = ({ title, summary, columns, tableElsewhere, ...canvas }: ChartFigureProps) => {
  const figureRef = useRef<HTMLElement>(null);
  const draw = useDrawWhenVisible(figureRef);
  return (
    <figure className="chart-figure margin-x-0" ref={figureRef}>
      <figcaption className="text-bold font-sans-md margin-bottom-1">{title}</figcaption>
      <div className="chart-figure__summary">{summary}</div>
      <div className="chart-figure__canvas" aria-hidden="true" inert>
        {draw ? (
          <Suspense fallback={<p className="chart-figure__placeholder">Loading the chart…</p>}>
            <ChartCanvas {...canvas} />
          </Suspense>
        ) : null}
      </div>
      {tableElsewhere ? (
        <p>
          <a href={tableElsewhere.href}>{tableElsewhere.label}</a>
        </p>
      ) : (
        <details className="chart-figure__data">
          <summary>The numbers in this chart, as a table</summary>
          <div
            className="usa-table-container--scrollable"
            tabIndex={0}
            role="region"
            aria-label={`${title}: data table`}
          >
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
      )}
    </figure>
  );
};
