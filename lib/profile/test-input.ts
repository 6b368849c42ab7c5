import type { LedgerEntry } from '../domain/records.ts';
import { ProfileAccumulator, type ProfileInput } from './input.ts';

const ID = 'f'.repeat(64);

/** Monthly sales for a profile test: `{ '2026-01': 10_000_00 }` means $10,000 of orders that month. */
export interface MonthSpec {
  sales: number;
  refunds?: number;
  fees?: number;
  chargebacks?: number;
  orders?: number;
  payoutDays?: number[];
  platform?: LedgerEntry['platform'];
  currency?: string;
}

/** Builds a profile input the way the CLI does: records through the accumulator, files' periods as coverage. */
export function inputFrom(
  months: Record<string, MonthSpec>,
  asOf: string,
  cover?: [string, string],
): ProfileInput {
  const acc = new ProfileAccumulator();
  let n = 0;
  for (const [month, spec] of Object.entries(months)) {
    const orders = spec.orders ?? 10;
    const currency = spec.currency ?? 'USD';
    const platform = spec.platform ?? 'shopify';
    const each = Math.floor(spec.sales / orders);
    for (let i = 0; i < orders; i++) {
      const amount = i === 0 ? spec.sales - each * (orders - 1) : each;
      acc.add({
        kind: 'order',
        key: `o${n++}`,
        platform,
        date: `${month}-10`,
        importId: ID,
        orderId: `o${n}`,
        gross: { amount, currency },
        status: 'paid',
      });
    }
    const money = (amount: number) => ({ amount, currency });
    if (spec.refunds)
      acc.add({
        kind: 'refund',
        key: `r${n++}`,
        platform,
        date: `${month}-15`,
        importId: ID,
        amount: money(spec.refunds),
      });
    if (spec.fees)
      acc.add({
        kind: 'fee',
        key: `f${n++}`,
        platform,
        date: `${month}-15`,
        importId: ID,
        amount: money(spec.fees),
        feeType: 'x',
      });
    if (spec.chargebacks)
      acc.add({
        kind: 'chargeback',
        key: `c${n++}`,
        platform,
        date: `${month}-16`,
        importId: ID,
        amount: money(spec.chargebacks),
      });
    for (const day of spec.payoutDays ?? []) {
      acc.add({
        kind: 'payout',
        key: `p${n++}`,
        platform,
        date: `${month}-${String(day).padStart(2, '0')}`,
        importId: ID,
        amount: money(100),
        status: 'paid',
      });
    }
  }
  if (cover) acc.cover(cover[0], cover[1]);
  return acc.build('USD', asOf).input;
}

/** `count` months ending at `last` with the same spec. */
export function steady(last: string, count: number, spec: MonthSpec): Record<string, MonthSpec> {
  const out: Record<string, MonthSpec> = {};
  let [y, m] = last.split('-').map(Number) as [number, number];
  for (let i = 0; i < count; i++) {
    out[`${y}-${String(m).padStart(2, '0')}`] = spec;
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}
