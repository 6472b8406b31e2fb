import type { ReactNode } from 'react';

/**
 * A chart with its words: a caption, a one-paragraph summary, the chart (hidden from screen readers, who get
 * the table), and the same numbers as a table. Written here until the shared charts land in components/charts.
 */
export const ChartFigure = ({
  title,
  summary,
  chart,
  table,
  actions,
}: {
  title: string;
  summary: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  actions?: ReactNode;
}) => (
  <figure className="margin-x-0 margin-y-3">
    <figcaption>
      <strong>{title}</strong>
      <p className="margin-top-05">{summary}</p>
    </figcaption>
    <div aria-hidden="true" className="width-full" style={{ height: 280 }}>
      {chart}
    </div>
    {actions}
    <details className="margin-top-1">
      <summary>The numbers in a table</summary>
      {table}
    </details>
  </figure>
);
