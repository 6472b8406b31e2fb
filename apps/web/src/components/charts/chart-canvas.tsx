import { useLayoutEffect, useRef, useState } from 'react';
import { CHART_COLORS, type ChartCanvasProps } from './chart-types';
import { chartLayout, CHART_HEIGHT, type Segment } from './chart-layout';

/**
 * The drawing itself, as plain SVG: axes, grid, lines, target steps, bars, benchmark lines and a legend. It is
 * inert and hidden from assistive technology (the figure around it has the words and the table), so it needs no
 * interaction, and a few hundred lines of SVG cost the browser a few milliseconds, where a charting library cost
 * hundreds of milliseconds of main thread on a mid-range phone. Drawn at the width of its container.
 */
export const ChartCanvas = (props: ChartCanvasProps) => {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="chart-canvas">
      {width > 0 ? <ChartSvg {...props} width={width} /> : null}
    </div>
  );
};

const path = (segments: Segment[]): string =>
  segments.map((s) => s.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join('')).join('');

const ChartSvg = ({ width, ...props }: ChartCanvasProps & { width: number }) => {
  const layout = chartLayout(props, width);
  const { plot } = layout;
  return (
    <svg
      className="chart-svg"
      width={width}
      height={CHART_HEIGHT}
      viewBox={`0 0 ${width} ${CHART_HEIGHT}`}
      role="presentation"
      focusable="false"
    >
      <g className="chart-svg__grid" stroke="#dfe1e2" strokeDasharray="3 3">
        {layout.yTicks.map((t) => (
          <line key={t.value} x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} />
        ))}
      </g>
      <g fontSize={12} fill="#565c65">
        {layout.yTicks.map((t) => (
          <text key={t.value} x={plot.left - 8} y={t.y} textAnchor="end" dominantBaseline="middle">
            {props.formatValue(t.value)}
          </text>
        ))}
        {layout.xTicks.map((t) => (
          <text key={t.index} x={t.x} y={plot.bottom + 18} textAnchor="middle">
            {String(props.data[t.index]?.[props.xKey] ?? '')}
          </text>
        ))}
      </g>
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="#71767a" />
      <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke="#71767a" />
      {layout.bars.map((b) => (
        <rect key={b.key} x={b.x} y={b.y} width={b.width} height={b.height} fill={CHART_COLORS[b.color]} />
      ))}
      {layout.lines.map((l) => (
        <g key={l.key}>
          <path
            d={path(l.segments)}
            fill="none"
            stroke={CHART_COLORS[l.color]}
            strokeWidth={2}
            strokeDasharray={l.kind === 'step' ? '6 3' : undefined}
          />
          {l.kind === 'line'
            ? l.segments.flat().map(([x, y], i) => <circle key={i} cx={x} cy={y} r={3} fill={CHART_COLORS[l.color]} />)
            : null}
        </g>
      ))}
      {layout.references.map((r) => (
        <g key={`${r.label}-${r.value}`}>
          <line
            x1={plot.left}
            x2={plot.right}
            y1={r.y}
            y2={r.y}
            stroke={CHART_COLORS.secondary}
            strokeDasharray="2 4"
            strokeWidth={1.5}
          />
          <text x={plot.right - 4} y={r.y - 6} textAnchor="end" fontSize={12} fill="#1b1b1b">
            {r.label}
          </text>
        </g>
      ))}
      <g fontSize={13} fill="#1b1b1b">
        {layout.legend.map((item) => (
          <g key={item.key} transform={`translate(${item.x},${CHART_HEIGHT - 12})`}>
            {item.kind === 'bar' ? (
              <rect x={0} y={-10} width={12} height={12} fill={CHART_COLORS[item.color]} />
            ) : (
              <line
                x1={0}
                x2={16}
                y1={-4}
                y2={-4}
                stroke={CHART_COLORS[item.color]}
                strokeWidth={2}
                strokeDasharray={item.kind === 'step' ? '6 3' : undefined}
              />
            )}
            <text x={22} y={0}>
              {item.label}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
};
