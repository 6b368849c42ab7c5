import { minorUnitExponent } from './currencies.ts';

/** Minor units to a major-unit number (1234 USD cents -> 12.34). Only for display and JSON output. */
export function toMajor(amount: number, currency: string): number {
  const exp = minorUnitExponent(currency);
  return Number((amount / 10 ** exp).toFixed(exp));
}

/**
 * One formatter per locale and currency: building an `Intl.NumberFormat` costs far more than
 * formatting with it, and the popup's chart formats some 70 amounts in one currency on open.
 */
const formatters = new Map<string, Intl.NumberFormat>();

/** Formats minor units for a seller: `formatMoney(123456, 'USD', 'en') === '$1,234.56'`. */
export function formatMoney(amount: number, currency: string, locale = 'en'): string {
  const exp = minorUnitExponent(currency);
  const key = `${locale} ${currency}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: exp,
      maximumFractionDigits: exp,
    });
    formatters.set(key, format);
  }
  return format.format(amount / 10 ** exp);
}

/** Formats per-currency totals without ever adding different currencies together. */
export function formatTotals(totals: Readonly<Record<string, number>>, locale = 'en'): string {
  const parts = Object.entries(totals)
    .filter(([, amount]) => amount !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => formatMoney(amount, currency, locale));
  return parts.length > 0 ? parts.join(' + ') : '—';
}
