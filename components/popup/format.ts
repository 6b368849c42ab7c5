import { strings } from './strings.ts';

/** An estimate in major units, to the whole unit: `12000, 'USD'` -> `$12,000`. */
export function formatEstimate(amount: number, currency: string): string {
  return new Intl.NumberFormat(strings.locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(amount);
}

/** `0.184` -> `18.4%`. */
export function formatPercent(rate: number): string {
  return new Intl.NumberFormat(strings.locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(strings.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatDate(iso: string): string {
  const date = iso.length === 10 ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return new Intl.DateTimeFormat(strings.locale, { dateStyle: 'medium' }).format(date);
}

/** `PayPal (lender: WebBank)` -> `PayPal`: the name a seller knows the site by. */
export function providerShortName(provider: string): string {
  return provider.replace(/\s*\(.*\)\s*$/, '').trim() || provider;
}
