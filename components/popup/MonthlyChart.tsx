import { useId } from 'react';
import { formatMoney } from '../../lib/money/format.ts';
import { AfterFirstPaint } from '../common/AfterFirstPaint.tsx';
import { strings } from './strings.ts';

export interface ChartMonth {
  month: string;
  /** Some source covers the month: no records then means zero, not missing. */
  covered: boolean;
  grossSales: number;
  refunds: number;
  payouts: number;
}

const SERIES = ['grossSales', 'refunds', 'payouts'] as const;
type Series = (typeof SERIES)[number];
/** Colour and a pattern-free distinction by position; the legend and the table carry the names. */
const COLOURS: Record<Series, string> = { grossSales: '#2563eb', refunds: '#dc2626', payouts: '#059669' };

const WIDTH = 328;
const HEIGHT = 132;
const AXIS = 16;
const TOP = 12;

/**
 * Gross sales, refunds and payouts of the last `count` months as grouped bars, in plain SVG (a
 * few dozen rects: no chart library is worth its weight in a popup). Months no source covers are
 * hatched and say "no data": missing is not zero. The SVG has a title and a description for
 * screen readers, and the exact figures are one click away in a table.
 */
export function MonthlyChart({
  months,
  currency,
  count = 12,
}: {
  months: readonly ChartMonth[];
  currency: string;
  count?: number;
}) {
  const id = useId();
  const t = strings.chart;
  const shown = months.slice(-count);
  if (shown.length === 0) return <p>{t.empty}</p>;
  const money = (minor: number) => formatMoney(Math.round(minor), currency, strings.locale);
  const whole = (minor: number) =>
    new Intl.NumberFormat(strings.locale, {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(minor / 100);
  const monthName = new Intl.DateTimeFormat(strings.locale, { month: 'short', timeZone: 'UTC' });
  const monthLabel = (month: string) => monthName.format(new Date(`${month}-15T00:00:00Z`));
  const max = Math.max(1, ...shown.flatMap((m) => SERIES.map((s) => Math.abs(m[s]))));
  const slot = WIDTH / shown.length;
  const bar = Math.max(2, (slot - 4) / 3);
  const plot = HEIGHT - AXIS - TOP;
  const total = (s: Series) => shown.reduce((n, m) => n + Math.abs(m[s]), 0);
  const first = shown[0] as ChartMonth;
  const last = shown.at(-1) as ChartMonth;
  const hatch = `${id}-hatch`;
  return (
    <figure className="tl-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid="monthly-chart"
      >
        <title id={`${id}-title`}>{t.title(currency)}</title>
        <desc id={`${id}-desc`}>
          {t.desc(
            first.month,
            last.month,
            money(total('grossSales')),
            money(total('refunds')),
            money(total('payouts')),
          )}
        </desc>
        <defs>
          <pattern
            id={hatch}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="6" stroke="#9aa5b1" strokeWidth="2" />
          </pattern>
        </defs>
        <text x="0" y="9" fontSize="9" fill="#52606d">
          {whole(max)}
        </text>
        <line x1="0" x2={WIDTH} y1={TOP + plot} y2={TOP + plot} stroke="#9aa5b1" />
        {shown.map((m, i) => {
          const x = i * slot + 2;
          return (
            <g key={m.month} data-month={m.month} data-covered={m.covered}>
              {m.covered ? (
                SERIES.map((s, j) => {
                  const h = (Math.abs(m[s]) / max) * plot;
                  return (
                    <rect
                      key={s}
                      x={x + j * bar}
                      y={TOP + plot - h}
                      width={bar - 1}
                      height={h}
                      fill={COLOURS[s]}
                      data-series={s}
                    >
                      <title>{`${m.month} ${t[s === 'grossSales' ? 'sales' : s]}: ${money(m[s])}`}</title>
                    </rect>
                  );
                })
              ) : (
                <rect x={x} y={TOP} width={slot - 4} height={plot} fill={`url(#${hatch})`} opacity="0.5">
                  <title>{`${m.month}: ${t.notCovered}`}</title>
                </rect>
              )}
              <text x={x + (slot - 4) / 2} y={HEIGHT - 4} fontSize="9" textAnchor="middle" fill="#52606d">
                {monthLabel(m.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="tl-legend">
        {SERIES.map((s) => (
          <span key={s}>
            <span className="tl-swatch" style={{ background: COLOURS[s] }} aria-hidden="true" />
            {t[s === 'grossSales' ? 'sales' : s]}
          </span>
        ))}
        {shown.some((m) => !m.covered) && <span className="tl-note">{t.notCoveredNote}</span>}
      </figcaption>
      <details>
        <summary>{t.showTable}</summary>
        {/* Folded away on open: its 50 cells are built a frame after the chart. */}
        <AfterFirstPaint>
          <table data-testid="monthly-table">
            <thead>
              <tr>
                <th scope="col">{strings.summary.month}</th>
                <th scope="col" className="num">
                  {t.sales}
                </th>
                <th scope="col" className="num">
                  {t.refunds}
                </th>
                <th scope="col" className="num">
                  {t.payouts}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{m.month}</th>
                  {m.covered ? (
                    SERIES.map((s) => (
                      <td key={s} className="num">
                        {money(m[s])}
                      </td>
                    ))
                  ) : (
                    <td colSpan={3}>{t.notCovered}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </AfterFirstPaint>
      </details>
    </figure>
  );
}
