import { minorUnitExponent } from './currencies.ts';

/** Minor units to a major-unit number (1234 USD cents -> 12.34). Only for display and JSON output. */
export function toMajor(amount: number, currency: string): number {
  const exp = minorUnitExponent(currency);
  return Number((amount / 10 ** exp).toFixed(exp));
}

/** Formats minor units for a seller: `formatMoney(123456, 'USD', 'en') === '$1,234.56'`. */
export function formatMoney(amount: number, currency: string, locale = 'en'): string {
  const exp = minorUnitExponent(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exp,
    maximumFractionDigits: exp,
  }).format(amount / 10 ** exp);
}

/** Formats per-currency totals without ever adding different currencies together. */
export function formatTotals(totals: Readonly<Record<string, number>>, locale = 'en'): string {
  const parts = Object.entries(totals)
    .filter(([, amount]) => amount !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => formatMoney(amount, currency, locale));
  return parts.length > 0 ? parts.join(' + ') : '—';
}
