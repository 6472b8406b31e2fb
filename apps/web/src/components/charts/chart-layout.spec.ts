import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { chartLayout, CHART_HEIGHT, niceStep, yRange } from './chart-layout';
import type { ChartConfig } from './chart-types';

const config: ChartConfig = {
  value: { label: 'Result', kind: 'line', color: 'primary' },
  target: { label: 'Target', kind: 'step', color: 'target' },
};

describe('niceStep', () => {
  it('is 1, 2 or 5 times a power of ten', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.integer({ min: 1, max: 10 }), (span, count) => {
        const step = niceStep(span, count);
        const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
        expect([1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true);
        expect(step).toBeGreaterThanOrEqual((span / count) * (1 - 1e-9));
      }),
    );
  });
});

describe('yRange', () => {
  it('covers every value, with ticks inside the range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (values) => {
          const { min, max, ticks } = yRange(values);
          expect(min).toBeLessThanOrEqual(Math.min(...values));
          expect(max).toBeGreaterThanOrEqual(Math.max(...values));
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          for (const t of ticks) {
            expect(t).toBeGreaterThanOrEqual(min - 1e-6);
            expect(t).toBeLessThanOrEqual(max + 1e-6);
          }
        },
      ),
    );
  });

  it('keeps fixed bounds', () => {
    expect(yRange([12, 40], [0, 100])).toEqual({ min: 0, max: 100, ticks: [0, 20, 40, 60, 80, 100] });
  });

  it('widens a single value to a range', () => {
    const { min, max } = yRange([5]);
    expect(min).toBeLessThan(5);
    expect(max).toBeGreaterThan(5);
  });
});

describe('chartLayout', () => {
  const data = [
    { period: '2025-10', value: 91, target: 90 },
    { period: '2025-11', value: null, target: 90 },
    { period: '2025-12', value: 95, target: 92 },
    { period: '2026-01', value: 97, target: 92 },
  ];

  it('breaks a line where a value is missing, and steps a target where it changes', () => {
    const layout = chartLayout({ data, xKey: 'period', config }, 600);
    const line = layout.lines.find((l) => l.key === 'value')!;
    expect(line.segments.map((s) => s.length)).toEqual([1, 2]);
    const target = layout.lines.find((l) => l.key === 'target')!;
    expect(target.segments).toHaveLength(1);
    // Four points and one corner where the target changes from 90 to 92.
    const steps = target.segments[0]!;
    expect(steps).toHaveLength(5);
    expect(steps[2]![1]).toBe(steps[1]![1]);
    expect(steps[2]![0]).toBe(steps[3]![0]);
  });

  it('puts higher values higher up, inside the plot', () => {
    const layout = chartLayout({ data, xKey: 'period', config }, 600);
    const [first, second] = layout.lines.find((l) => l.key === 'value')!.segments[1]!;
    expect(second![1]).toBeLessThan(first![1]);
    for (const [x, y] of layout.lines.flatMap((l) => l.segments.flat())) {
      expect(x).toBeGreaterThanOrEqual(layout.plot.left);
      expect(x).toBeLessThanOrEqual(layout.plot.right);
      expect(y).toBeGreaterThanOrEqual(layout.plot.top);
      expect(y).toBeLessThanOrEqual(layout.plot.bottom);
    }
    expect(layout.plot.bottom).toBeLessThan(CHART_HEIGHT);
  });

  it('draws bars from zero, and leaves out x labels that would overlap', () => {
    const years = Array.from({ length: 40 }, (_, i) => ({ year: `FY${2000 + i}`, share: i * 2.5 }));
    const layout = chartLayout(
      {
        data: years,
        xKey: 'year',
        config: { share: { label: 'Targets met (%)', kind: 'bar', color: 'primary' } },
        yDomain: [0, 100],
      },
      360,
    );
    expect(layout.bars).toHaveLength(40);
    expect(layout.bars[0]!.height).toBe(0);
    expect(
      layout.bars.every(
        (b) => b.y + b.height === layout.plot.bottom || Math.abs(b.y + b.height - layout.plot.bottom) < 0.2,
      ),
    ).toBe(true);
    expect(layout.xTicks.length).toBeLessThan(40);
    const gaps = layout.xTicks.slice(1).map((t, i) => t.x - layout.xTicks[i]!.x);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual('FY2000'.length * 7);
  });

  it('keeps only the benchmark lines that fall inside the range', () => {
    const layout = chartLayout(
      { data, xKey: 'period', config, references: [{ label: 'Industry', value: 93 }], yDomain: [80, 100] },
      600,
    );
    expect(layout.references).toHaveLength(1);
    const outside = chartLayout(
      { data, xKey: 'period', config, references: [{ label: 'Far', value: 150 }], yDomain: [80, 100] },
      600,
    );
    expect(outside.references).toHaveLength(0);
  });
});
