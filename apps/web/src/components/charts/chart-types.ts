/** One series of a chart: its label and how it is drawn. Colours are tokens, chosen here, never by features. */
export type ChartSeries = {
  label: string;
  kind: 'line' | 'step' | 'bar';
  color: ChartColor;
};

export const CHART_COLORS = {
  primary: '#005ea2',
  target: '#1b1b1b',
  secondary: '#c05600',
  accent: '#00687d',
} as const;
export type ChartColor = keyof typeof CHART_COLORS;

/** Series key to its configuration; the keys are the fields of each data row. */
export type ChartConfig = Record<string, ChartSeries>;

/** A horizontal reference line, e.g. a benchmark. */
export type ChartReference = { label: string; value: number };

export type ChartRow = Record<string, string | number | null>;

export type ChartCanvasProps = {
  data: ChartRow[];
  xKey: string;
  config: ChartConfig;
  references?: ChartReference[];
  formatValue: (value: number) => string;
  yDomain?: [number | 'auto', number | 'auto'];
};
