import type { ChartCanvasProps, ChartColor, ChartSeries } from './chart-types';

/** The drawing's height in pixels, legend included (the stylesheet reserves it, so nothing moves when it is drawn). */
export const CHART_HEIGHT = 320;
const MARGIN = { top: 16, right: 24, bottom: 56, left: 80 };
/** Roughly the width of one character of the 12 px tick labels. */
const CHAR_PX = 7;
const MIN_TICK_GAP = 24;

export type Point = [x: number, y: number];
/** A run of points drawn as one stroke: a missing value (null) breaks the line. */
export type Segment = Point[];

export type ChartLayout = {
  plot: { left: number; right: number; top: number; bottom: number };
  yTicks: { value: number; y: number }[];
  /** The x labels that fit, by row index. */
  xTicks: { index: number; x: number }[];
  lines: { key: string; kind: 'line' | 'step'; color: ChartColor; segments: Segment[] }[];
  bars: { key: string; color: ChartColor; x: number; y: number; width: number; height: number }[];
  references: { label: string; value: number; y: number }[];
  legend: { key: string; label: string; kind: ChartSeries['kind']; color: ChartColor; x: number }[];
};

const round = (n: number): number => Math.round(n * 10) / 10;

/** A step of 1, 2 or 5 times a power of ten giving about `count` intervals over the span. */
export const niceStep = (span: number, count: number): number => {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
};

/** The y range: the given bounds, or the data's (references included) widened to whole steps. */
export const yRange = (values: number[], domain: ChartCanvasProps['yDomain'] = ['auto', 'auto']) => {
  let min = domain[0] === 'auto' ? Math.min(...values) : domain[0];
  let max = domain[1] === 'auto' ? Math.max(...values) : domain[1];
  if (!Number.isFinite(min) || !Number.isFinite(max)) [min, max] = [0, 1];
  if (min === max) [min, max] = [min - 1, max + 1];
  const step = niceStep(max - min, 5);
  if (domain[0] === 'auto') min = Math.floor(min / step) * step;
  if (domain[1] === 'auto') max = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return { min, max, ticks };
};

/** Where everything goes, for a chart `width` pixels wide: pure, so it is tested without a browser. */
export const chartLayout = (
  { data, xKey, config, references = [], yDomain }: Omit<ChartCanvasProps, 'formatValue'>,
  width: number,
): ChartLayout => {
  const plot = {
    left: MARGIN.left,
    right: Math.max(MARGIN.left + 1, width - MARGIN.right),
    top: MARGIN.top,
    bottom: CHART_HEIGHT - MARGIN.bottom,
  };
  const series = Object.entries(config);
  const values: number[] = references.map((r) => r.value);
  for (const row of data)
    for (const [key] of series) {
      const v = row[key];
      if (typeof v === 'number' && Number.isFinite(v)) values.push(v);
    }
  const hasBars = series.some(([, s]) => s.kind === 'bar');
  // Bars grow from zero.
  if (hasBars) values.push(0);
  const { min, max, ticks } = yRange(values, yDomain);
  const y = (v: number) => round(plot.bottom - ((v - min) / (max - min)) * (plot.bottom - plot.top));
  const band = (plot.right - plot.left) / Math.max(1, data.length);
  const x = (i: number) => round(plot.left + band * (i + 0.5));

  const longest = Math.max(1, ...data.map((row) => String(row[xKey] ?? '').length));
  const every = Math.max(1, Math.ceil((longest * CHAR_PX + MIN_TICK_GAP) / band));
  const xTicks = data.flatMap((_, index) => (index % every === 0 ? [{ index, x: x(index) }] : []));

  const lines: ChartLayout['lines'] = [];
  const bars: ChartLayout['bars'] = [];
  const barSeries = series.filter(([, s]) => s.kind === 'bar');
  const barWidth = (band * 0.8) / Math.max(1, barSeries.length);
  for (const [key, s] of series) {
    if (s.kind === 'bar') {
      const slot = barSeries.findIndex(([k]) => k === key);
      data.forEach((row, i) => {
        const v = row[key];
        if (typeof v !== 'number' || !Number.isFinite(v)) return;
        const top = y(Math.max(v, 0));
        const bottom = y(Math.min(v, 0) < min ? min : Math.min(v, 0));
        bars.push({
          key: `${key}-${i}`,
          color: s.color,
          x: round(plot.left + band * i + band * 0.1 + barWidth * slot),
          y: top,
          width: round(barWidth),
          height: round(Math.max(0, bottom - top)),
        });
      });
      continue;
    }
    const segments: Segment[] = [];
    let current: Segment = [];
    data.forEach((row, i) => {
      const v = row[key];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        if (current.length) segments.push(current);
        current = [];
        return;
      }
      const point: Point = [x(i), y(v)];
      // A step holds its value until the next point, then changes (a target that changes by fiscal year).
      const previous = current.at(-1);
      if (s.kind === 'step' && previous && previous[1] !== point[1]) current.push([point[0], previous[1]]);
      current.push(point);
    });
    if (current.length) segments.push(current);
    lines.push({ key, kind: s.kind, color: s.color, segments });
  }

  let legendX = plot.left;
  const legend = series.map(([key, s]) => {
    const item = { key, label: s.label, kind: s.kind, color: s.color, x: legendX };
    legendX += 22 + s.label.length * CHAR_PX + 16;
    return item;
  });

  return {
    plot,
    yTicks: ticks.map((value) => ({ value, y: y(value) })),
    xTicks,
    lines,
    bars,
    references: references.filter((r) => r.value >= min && r.value <= max).map((r) => ({ ...r, y: y(r.value) })),
    legend,
  };
};
