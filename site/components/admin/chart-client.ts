/** Draws every [data-chart] element with uPlot from the JSON the server put in its attribute; redraws on resize and theme change. */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { AxisUnit, ChartSpec } from '../../lib/admin/chart-spec.ts';

const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
function tick(unit: AxisUnit, v: number): string {
  if (unit === 'percent') return `${number.format(v * 100)}%`;
  if (unit === 'minutes') return v >= 120 ? `${number.format(v / 60)} h` : `${number.format(v)} min`;
  if (unit === 'seconds') return `${number.format(v)} s`;
  return Math.abs(v) >= 1000 ? `${number.format(v / 1000)}k` : number.format(v);
}

/** Half the smallest step between points (seconds): the x scale reaches that far past the first and last point. */
function halfStep(x: readonly number[]): number {
  let step = Infinity;
  for (let i = 1; i < x.length; i++) step = Math.min(step, x[i]! - x[i - 1]!);
  return Number.isFinite(step) ? step / 2 : 43_200;
}

function options(spec: ChartSpec, width: number, height: number): uPlot.Options {
  // Bars are centred on their day: without this margin the first and last bars are cut in half by the axes.
  const pad = halfStep(spec.x);
  const muted = css('--muted');
  const grid = css('--line');
  const bars = uPlot.paths.bars?.({ size: [0.6, 28], align: 0 });
  return {
    width,
    height,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'UTC'),
    cursor: { points: { size: 7 } },
    legend: { show: true },
    scales: { x: { time: true, range: (_u, min, max) => [min - pad, max + pad] }, y0: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] }, y1: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] } },
    axes: [
      { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
      ...spec.axes.map((a, i) => ({
        scale: `y${i}`,
        side: i === 0 ? 3 : 1,
        label: a.label,
        labelSize: 22,
        labelFont: '600 12px system-ui, sans-serif',
        font: '12px system-ui, sans-serif',
        stroke: muted,
        size: 56,
        grid: { show: i === 0, stroke: grid, width: 1 },
        ticks: { stroke: grid },
        values: (_u: uPlot, vals: number[]) => vals.map((v) => tick(a.unit, v)),
      })),
    ],
    series: [
      { label: 'Date', value: (_u, v) => (v == null ? '–' : new Date(v * 1000).toISOString().slice(0, 10)) },
      ...spec.series.map((s) => {
        const color = css(`--series-${s.color}`);
        const unit = spec.axes[s.axis]?.unit ?? 'count';
        return {
          label: s.label,
          scale: `y${s.axis}`,
          stroke: color,
          width: s.kind === 'bars' ? 0 : 2,
          fill: s.kind === 'bars' ? `${color}b3` : undefined,
          dash: s.dashed ? [6, 4] : undefined,
          paths: s.kind === 'bars' ? bars : undefined,
          points: { show: false },
          spanGaps: false,
          value: (_u: uPlot, v: number | null) => (v == null ? '–' : tick(unit, v)),
        } satisfies uPlot.Series;
      }),
    ],
  };
}

function draw(el: HTMLElement) {
  const spec = JSON.parse(el.dataset.chart ?? '{}') as ChartSpec;
  const height = Number(el.dataset.height ?? 260);
  const data = [spec.x, ...spec.series.map((s) => s.values)] as uPlot.AlignedData;
  let plot: uPlot | undefined;
  const render = () => {
    plot?.destroy();
    el.replaceChildren();
    plot = new uPlot(options(spec, Math.max(el.clientWidth, 280), height), data, el);
  };
  render();
  new ResizeObserver(() => plot?.setSize({ width: Math.max(el.clientWidth, 280), height })).observe(el);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', render);
}

document.querySelectorAll<HTMLElement>('[data-chart]').forEach(draw);
