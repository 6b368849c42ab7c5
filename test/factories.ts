import type { Provenance } from '../lib/domain/provenance.ts';
import type { LedgerEntry, Platform } from '../lib/domain/records.ts';

export const IMPORT_A = 'a'.repeat(64);
export const IMPORT_B = 'b'.repeat(64);

export function fileProvenance(sha256: string, rows: number, name = 'orders.csv'): Provenance {
  return {
    kind: 'file',
    name,
    size: rows * 100,
    format: 'shopify-orders',
    sha256,
    rows,
    readAt: '2026-11-01T10:00:00.000Z',
  };
}

/** An order of `cents` USD on `date`, keyed by its order id. */
export function order(
  orderId: string,
  date: string,
  cents: number,
  importId = IMPORT_A,
  platform: Platform = 'shopify',
): LedgerEntry {
  return {
    kind: 'order',
    key: `${platform}:order:${orderId}`,
    platform,
    date,
    importId,
    orderId,
    gross: { amount: cents, currency: 'USD' },
    status: 'paid',
  };
}

export function payout(id: string, date: string, cents: number, importId = IMPORT_A): LedgerEntry {
  return {
    kind: 'payout',
    key: `shopify:payout:${id}`,
    platform: 'shopify',
    date,
    importId,
    payoutId: id,
    amount: { amount: cents, currency: 'USD' },
    status: 'paid',
  };
}
