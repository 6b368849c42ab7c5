import { minorUnitExponent } from './currencies.ts';
import { FX_TABLE } from './fx-table.generated.ts';

/** Monthly reference rates: units of a currency per US dollar, by `YYYY-MM`. */
export interface RateTable {
  source: string;
  firstMonth: string;
  lastMonth: string;
  perUsd: Readonly<Record<string, readonly (number | null)[]>>;
}

/** The bundled table (Federal Reserve H.10 monthly averages; see FX_TABLE.lastMonth for its end). */
export const BUNDLED_RATES: RateTable = FX_TABLE;

export type RateNote =
  | { kind: 'exact' }
  | { kind: 'latest'; usedMonth: string }
  | { kind: 'earliest'; usedMonth: string };

export interface Rate {
  /** Units of the currency per US dollar. */
  perUsd: number;
  /** The month whose rate was used, when it is not the month asked for. */
  note: RateNote;
}

function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

function monthAt(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The rate of `currency` for `month`. Past the table's end the latest published rate is used,
 * before its start the earliest, and a month the Fed skipped takes the nearest earlier one;
 * the note says so. Undefined when the table has no rate for the currency at all.
 */
export function rateFor(currency: string, month: string, table: RateTable = BUNDLED_RATES): Rate | undefined {
  if (currency === 'USD') return { perUsd: 1, note: { kind: 'exact' } };
  const series = table.perUsd[currency];
  if (!series) return undefined;
  const first = monthIndex(table.firstMonth);
  const wanted = monthIndex(month) - first;
  let i = Math.min(Math.max(wanted, 0), series.length - 1);
  while (i > 0 && series[i] == null) i -= 1;
  let value = series[i];
  if (value == null) {
    // Nothing at or before: take the first published month.
    i = series.findIndex((v) => v != null);
    value = series[i];
  }
  if (value == null) return undefined;
  const used = monthAt(first + i);
  if (used === month) return { perUsd: value, note: { kind: 'exact' } };
  return {
    perUsd: value,
    note: wanted > i ? { kind: 'latest', usedMonth: used } : { kind: 'earliest', usedMonth: used },
  };
}

export interface Conversion {
  /** Minor units of the target currency. */
  amount: number;
  from: Rate;
  to: Rate;
}

/**
 * Converts an amount in minor units at `month`'s reference rates (through USD), rounded half
 * away from zero to the target's minor unit. Convert monthly totals, not single rows, so that
 * rounding happens once per month and currency.
 */
export function convert(
  amount: number,
  from: string,
  to: string,
  month: string,
  table: RateTable = BUNDLED_RATES,
): Conversion | undefined {
  const fromRate = rateFor(from, month, table);
  const toRate = rateFor(to, month, table);
  if (!fromRate || !toRate) return undefined;
  if (from === to) return { amount, from: fromRate, to: toRate };
  const major = amount / 10 ** minorUnitExponent(from);
  const target = (major / fromRate.perUsd) * toRate.perUsd * 10 ** minorUnitExponent(to);
  const rounded = Math.sign(target) * Math.round(Math.abs(target));
  return { amount: rounded === 0 ? 0 : rounded, from: fromRate, to: toRate };
}

export function supportedCurrencies(table: RateTable = BUNDLED_RATES): string[] {
  return ['USD', ...Object.keys(table.perUsd)].sort();
}
