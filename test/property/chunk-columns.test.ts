import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry, RecordChunk } from '../../lib/domain/records.ts';
import { chunkOf, toColumns } from '../../lib/storage/chunk-columns.ts';
import { order } from '../factories.ts';

/**
 * Chunks stored as columns read back as the very records stored as records would (what
 * IndexedDB's structured clone gives back), whatever the records: every kind, optional fields
 * present or not, fields outside the schema, odd values, repeated and distinct strings.
 */

const KINDS = ['order', 'refund', 'fee', 'payout', 'chargeback', 'reserve', 'adjustment', 'other'];

/** Few values, so that columns are often shared or a handful of strings; sometimes not. */
const text = fc.oneof(
  fc.constantFrom('USD', 'EUR', 'paid', 'Amazon.com', '', 'Zoë ✓', '2026-05-01', '2026-05-02'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const number = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(0, -0, 2 ** 53 - 1, 0.5, Number.NaN),
);
const value = fc.oneof(
  text,
  number,
  fc.constantFrom(undefined, null, true),
  fc.array(text, { maxLength: 2 }),
);
const amount = fc.oneof(
  fc.record({ amount: number, currency: text }),
  fc.record({ amount: number }),
  fc.record({ amount: number, currency: text, fx: number }),
  value,
);

const record = fc
  .record(
    {
      kind: fc.oneof(fc.constantFrom(...KINDS), value),
      key: text,
      platform: text,
      date: text,
      importId: text,
      row: fc.oneof(number, value),
      orderId: text,
      gross: amount,
      amount,
      status: text,
      marketplace: text,
      feeType: text,
      payoutId: text,
      description: text,
      note: value,
    },
    { requiredKeys: ['kind', 'key'] },
  )
  .map((r) => r as unknown as LedgerEntry);

/** A record like another but for one field (a sibling value: 0 next to -0, a third amount field). */
const tweak = fc.tuple(
  fc.nat(),
  fc.constantFrom('row', 'gross', 'amount', 'status', 'kind', 'date', 'note', 'marketplace'),
  fc.oneof(number, value, amount),
);

/** Many records of a few shapes, as files give them, then odd ones and near-twins in between. */
const records = fc
  .tuple(
    fc.array(record, { minLength: 1, maxLength: 4 }),
    fc.integer({ min: 1, max: 300 }),
    fc.array(record, { maxLength: 4 }),
    fc.array(tweak, { maxLength: 6 }),
  )
  .map(([shapes, copies, odd, tweaks]) => {
    const list: LedgerEntry[] = [];
    for (let i = 0; i < copies; i++) {
      const shape = shapes[i % shapes.length] as LedgerEntry;
      list.push({ ...shape, key: `${shape.key}:${i}` } as LedgerEntry);
    }
    for (const [at, field, to] of tweaks) {
      const twin = { ...(list[at % list.length] as object), [field]: to } as LedgerEntry;
      list.splice(at % (list.length + 1), 0, twin);
    }
    for (const [k, r] of odd.entries()) list.splice((k * 37) % (list.length + 1), 0, r);
    return list;
  });

/**
 * A record as text that tells -0 from 0 and a field set to undefined from a field absent, its
 * fields sorted (columns give them back in the schema's order).
 */
const exact = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) => {
    if (Object.is(v, -0)) return '(-0)';
    if (v === undefined) return '(undefined)';
    if (Number.isNaN(v)) return '(NaN)';
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return v;
  });

describe('chunk columns (property)', () => {
  it('read back as the records stored whole would, whatever the records', () => {
    fc.assert(
      fc.property(records, (list) => {
        const chunk: RecordChunk = { platform: 'shopify', month: '2026-05', seq: 0, records: list };
        const back = chunkOf(structuredClone(toColumns(chunk))) as RecordChunk;
        const stored = structuredClone(chunk);
        expect(back).toStrictEqual(stored);
        expect(back.records.map(exact)).toEqual(stored.records.map(exact));
      }),
      { numRuns: 400 },
    );
  });

  it('tell 0 from -0 in any column of numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, -0, 7), { minLength: 1, maxLength: 40 }), (numbers) => {
        const list = numbers.map((n, i) => ({ ...order(String(i), '2026-05-01', n), row: n }));
        const chunk: RecordChunk = { platform: 'shopify', month: '2026-05', seq: 0, records: list };
        const back = chunkOf(structuredClone(toColumns(chunk))) as RecordChunk;
        expect(back.records.map(exact)).toEqual(list.map(exact));
      }),
    );
  });
});
