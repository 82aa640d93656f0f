import { memo } from 'react';
import { formatClock } from '../lib/time';

/**
 * Hand-written SVG charts. A charting library (Recharts pulls in d3 pieces, ~100 kB gzipped) would
 * more than double this bundle for two chart shapes; these are ~150 lines, render in well under a
 * millisecond per update, and say every figure in text too, so nothing is told by colour alone.
 */
export interface SeriesPoint {
  t: number;
  v: number | null;
}

export interface Series {
  name: string;
  points: SeriesPoint[];
  /** Line style: series differ by dash pattern and marker as well as colour. */
  style: 'solid' | 'dashed' | 'dotted';
  tone: 'accent' | 'ok' | 'warn';
}

const W = 600;
// Room for the tick labels, which are 18 units high: the 600-unit-wide chart is drawn at about
// 300 to 600 px, and smaller labels came out at 6 px, too small to read.
const PAD = { left: 48, right: 10, top: 12, bottom: 28 };
const DASH: Record<Series['style'], string | undefined> = {
  solid: undefined,
  dashed: '7 4',
  dotted: '2 3',
};

const niceMax = (max: number) => {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
};
const fmt = (v: number | null | undefined, unit = '') =>
  v === null || v === undefined ? '—' : `${Number.isInteger(v) ? v : v.toFixed(1)}${unit}`;

function Swatch({ s }: { s: Series }) {
  return (
    <svg width="26" height="10" aria-hidden="true" className={`swatch tone-${s.tone}`}>
      <line x1="1" y1="5" x2="25" y2="5" strokeWidth="2.5" strokeDasharray={DASH[s.style]} />
    </svg>
  );
}

/** Lines over time with a legend that says each series' last value in words. */
export const LineChart = memo(function LineChart({
  title,
  series,
  height = 170,
  unit = '',
  empty,
}: {
  title: string;
  series: Series[];
  height?: number;
  unit?: string;
  empty?: string;
}) {
  const all = series.flatMap((s) => s.points);
  const ts = all.map((p) => p.t);
  const t0 = Math.min(...ts);
  const t1 = Math.max(...ts);
  const yMax = niceMax(Math.max(0, ...all.map((p) => p.v ?? 0)));
  const x = (t: number) =>
    PAD.left +
    (t1 > t0
      ? ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right)
      : (W - PAD.left - PAD.right) / 2);
  const y = (v: number) => height - PAD.bottom - (v / yMax) * (height - PAD.top - PAD.bottom);
  const last = (s: Series) => [...s.points].reverse().find((p) => p.v !== null)?.v ?? null;
  const summary = series.map((s) => `${s.name} ${fmt(last(s), unit)}`).join(', ');

  return (
    <figure className="chart card">
      <figcaption>{title}</figcaption>
      {all.length === 0 ? (
        <p className="muted">{empty ?? 'No figures yet.'}</p>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${height}`}
          role="img"
          aria-label={`${title}: latest ${summary}`}
          className="chart-svg"
        >
          <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="axis" />
          <line x1={PAD.left} x2={W - PAD.right} y1={y(yMax)} y2={y(yMax)} className="grid" />
          <text x={PAD.left - 6} y={y(yMax) + 6} textAnchor="end" className="tick">
            {fmt(yMax)}
          </text>
          <text x={PAD.left - 6} y={y(0) + 6} textAnchor="end" className="tick">
            0
          </text>
          <text x={PAD.left} y={height - 6} className="tick">
            {formatClock(t0)}
          </text>
          <text x={W - PAD.right} y={height - 6} textAnchor="end" className="tick">
            {formatClock(t1)}
          </text>
          {series.map((s) => {
            const pts = s.points
              .filter((p) => p.v !== null)
              .map((p) => `${x(p.t).toFixed(1)},${y(p.v!).toFixed(1)}`);
            return (
              <polyline
                key={s.name}
                points={pts.join(' ')}
                className={`line tone-${s.tone}`}
                strokeDasharray={DASH[s.style]}
              />
            );
          })}
        </svg>
      )}
      <ul className="chart-legend">
        {series.map((s) => (
          <li key={s.name} data-series={s.name}>
            <Swatch s={s} /> {s.name} <b>{fmt(last(s), unit)}</b>
          </li>
        ))}
      </ul>
    </figure>
  );
});

export interface Bar {
  label: string;
  value: number | null;
  /** Shown instead of the value (e.g. "12 %", "4.2 s"). */
  text: string;
  tone?: 'accent' | 'ok' | 'warn' | 'bad';
}

/** Horizontal bars, each with its label and its figure in text. */
export const BarList = memo(function BarList({
  title,
  bars,
  max,
  empty,
}: {
  title: string;
  bars: Bar[];
  max?: number;
  empty?: string;
}) {
  const top = max ?? Math.max(0, ...bars.map((b) => b.value ?? 0));
  return (
    <figure className="chart card">
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p className="muted">{empty ?? 'No figures yet.'}</p>
      ) : (
        <ul className="bars">
          {bars.map((b) => (
            <li key={b.label}>
              <span className="bar-label">{b.label}</span>
              <span className="bar-track" aria-hidden="true">
                <span
                  className={`bar-fill tone-${b.tone ?? 'accent'}`}
                  style={{
                    width: `${top > 0 && b.value ? Math.max(1, (b.value / top) * 100) : 0}%`,
                  }}
                />
              </span>
              <span className="bar-value">{b.text}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
});
