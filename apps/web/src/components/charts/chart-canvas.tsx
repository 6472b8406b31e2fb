import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { CHART_COLORS, type ChartCanvasProps } from './chart-types';

/** The drawing's height in pixels, legend included (the stylesheet keeps this place, so nothing moves). */
export const CHART_HEIGHT = 300;

/**
 * The drawing itself (Recharts), loaded in the browser only: the figure around it has the words and the table.
 * It is `inert` and hidden from assistive technology, so it has no tooltip (nothing could hover it) and no
 * keyboard layer (nothing could focus it): less work for a slow phone, the same picture. No series is animated.
 */
export const ChartCanvas = ({
  data,
  xKey,
  config,
  references = [],
  formatValue,
  yDomain = ['auto', 'auto'],
}: ChartCanvasProps) => (
  <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
    <ComposedChart data={data} margin={{ top: 16, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey={xKey} minTickGap={24} />
      <YAxis domain={yDomain} tickFormatter={(v: number) => formatValue(v)} width={72} />
      <Legend />
      {Object.entries(config).map(([key, series]) =>
        series.kind === 'bar' ? (
          <Bar
            key={key}
            dataKey={key}
            name={series.label}
            fill={CHART_COLORS[series.color]}
            isAnimationActive={false}
          />
        ) : (
          <Line
            key={key}
            dataKey={key}
            name={series.label}
            type={series.kind === 'step' ? 'stepAfter' : 'linear'}
            stroke={CHART_COLORS[series.color]}
            strokeWidth={2}
            strokeDasharray={series.kind === 'step' ? '6 3' : undefined}
            dot={series.kind !== 'step'}
            connectNulls={false}
            isAnimationActive={false}
          />
        ),
      )}
      {references.map((r) => (
        <ReferenceLine
          key={`${r.label}-${r.value}`}
          y={r.value}
          stroke={CHART_COLORS.secondary}
          strokeDasharray="2 4"
          label={{ value: r.label, position: 'insideTopRight', fill: '#1b1b1b', fontSize: 12 }}
        />
      ))}
    </ComposedChart>
  </ResponsiveContainer>
);
