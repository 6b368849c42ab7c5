import { describe, expect, it } from 'vitest';
import { fileProvenance, IMPORT_A, IMPORT_B, order, payout } from '../../test/factories.ts';
import type { LedgerEntry, Platform } from '../domain/records.ts';
import { exportAll } from './data-repo.ts';
import { openTradelineDb, type TradelineDatabase } from './db.ts';
import { removeImport } from './imports-repo.ts';
import { importEntries } from './ledger-repo.ts';
import { listAggregates, listImports } from './overview-repo.ts';
import { CHUNK_SIZE } from './schema.ts';

const IMPORT_C = 'c'.repeat(64);

interface Batch {
  id: string;
  platform: Platform;
  entries: LedgerEntry[];
}

async function world(name: string, batches: readonly Batch[]): Promise<TradelineDatabase> {
  const db = await openTradelineDb({ name });
  for (const b of batches) {
    await importEntries(
      db,
      {
        id: b.id,
        provenance: fileProvenance(b.id, b.entries.length),
        importedAt: '2026-11-02T08:00:00.000Z',
      },
      b.platform,
      b.entries,
    );
  }
  return db;
}

/** Everything the ledger keeps: record chunks, dedupe keys, totals and which imports exist. */
async function ledgerState(db: TradelineDatabase) {
  const chunks = [];
  let page = await exportAll(db, { maxChunks: 1 });
  const stores = page.stores;
  chunks.push(...page.chunks);
  while (page.next) {
    page = await exportAll(db, { after: page.next, maxChunks: 1 });
    chunks.push(...page.chunks);
  }
  return {
    chunks,
    dedupe: stores?.dedupe,
    aggregates: stores?.aggregates,
    imports: (await listImports(db)).map((i) => i.id).sort(),
  };
}

const amazonOrder = (id: string, date: string, cents: number) => order(id, date, cents, IMPORT_C, 'amazon');

describe('removeImport', () => {
  it('leaves the stores as they would be had the import never been made', async () => {
    const a: Batch = {
      id: IMPORT_A,
      platform: 'shopify',
      entries: [
        order('1', '2026-03-01', 10_00),
        order('2', '2026-03-20', 11_00),
        payout('p1', '2026-04-02', 15_00),
      ],
    };
    // B repeats order 2 (skipped as a duplicate) and adds records in March, April and May.
    const b: Batch = {
      id: IMPORT_B,
      platform: 'shopify',
      entries: [
        order('2', '2026-03-20', 11_00, IMPORT_B),
        order('3', '2026-03-25', 7_00, IMPORT_B),
        order('4', '2026-04-10', 8_00, IMPORT_B),
        { ...payout('p2', '2026-05-02', 20_00), importId: IMPORT_B },
      ],
    };
    const c: Batch = { id: IMPORT_C, platform: 'amazon', entries: [amazonOrder('A-1', '2026-03-05', 30_00)] };

    const removed = await world('removed', [a, b, c]);
    const result = await removeImport(removed, IMPORT_B);
    expect(result).toEqual({
      importId: IMPORT_B,
      removed: 3,
      months: ['2026-03', '2026-04', '2026-05'],
      reimport: [],
    });

    const never = await world('never', [a, c]);
    expect(await ledgerState(removed)).toEqual(await ledgerState(never));
    expect((await listAggregates(removed)).map((t) => [t.platform, t.month, t.orders, t.grossSales])).toEqual(
      [
        ['amazon', '2026-03', 1, { USD: 30_00 }],
        ['shopify', '2026-03', 2, { USD: 21_00 }],
        ['shopify', '2026-04', 0, {}],
      ],
    );
    removed.close();
    never.close();
  });

  it('packs the remaining records into chunks as an import of them alone would', async () => {
    const many = (prefix: string, n: number, id: string) =>
      Array.from({ length: n }, (_, i) => order(`${prefix}${i}`, '2026-05-10', 1_00, id));
    const a: Batch = { id: IMPORT_A, platform: 'shopify', entries: many('a', CHUNK_SIZE - 3, IMPORT_A) };
    const b: Batch = { id: IMPORT_B, platform: 'shopify', entries: many('b', 10, IMPORT_B) };
    const c: Batch = { id: IMPORT_C, platform: 'shopify', entries: many('c', 5, IMPORT_C) };

    const removed = await world('removed', [a, b, c]);
    expect(await removed.count('chunks')).toBe(2);
    await removeImport(removed, IMPORT_B);
    const never = await world('never', [a, c]);
    const state = await ledgerState(removed);
    expect(state).toEqual(await ledgerState(never));
    expect(state.chunks.map((ch) => ch.records.length)).toEqual([CHUNK_SIZE, 2]);
    removed.close();
    never.close();
  });

  it('removing the only import empties the ledger', async () => {
    const db = await world('only', [
      {
        id: IMPORT_A,
        platform: 'shopify',
        entries: [order('1', '2026-03-01', 10_00), payout('p', '2026-04-01', 5_00)],
      },
    ]);
    await removeImport(db, IMPORT_A);
    expect(await db.count('chunks')).toBe(0);
    expect(await db.count('dedupe')).toBe(0);
    expect(await db.count('aggregates')).toBe(0);
    expect(await db.count('imports')).toBe(0);
    db.close();
  });

  it('names the imports that skipped records as duplicates of the removed one; importing them again restores those', async () => {
    const a: Batch = { id: IMPORT_A, platform: 'shopify', entries: [order('1', '2026-03-31', 10_00)] };
    // The same sale dated a day later by another format: skipped as a duplicate of A's.
    const b: Batch = {
      id: IMPORT_B,
      platform: 'shopify',
      entries: [order('1', '2026-04-01', 10_00, IMPORT_B), order('2', '2026-04-02', 5_00, IMPORT_B)],
    };
    const db = await world('earlier', [a, b]);
    const result = await removeImport(db, IMPORT_A);
    expect(result).toMatchObject({ removed: 1, reimport: [IMPORT_B] });
    expect((await listAggregates(db)).map((t) => [t.month, t.orders])).toEqual([['2026-04', 1]]);

    await importEntries(
      db,
      { id: IMPORT_B, provenance: fileProvenance(IMPORT_B, 2), importedAt: '2026-11-02T08:00:00.000Z' },
      'shopify',
      b.entries,
    );
    // Same records and totals as had A never been imported (stored in another order).
    const never = await world('never', [b]);
    const keysOf = async (d: TradelineDatabase) =>
      (await ledgerState(d)).chunks.flatMap((c) => c.records.map((r) => r.key)).sort();
    expect(await keysOf(db)).toEqual(await keysOf(never));
    expect((await listAggregates(db)).map((t) => [t.month, t.orders, t.grossSales])).toEqual(
      (await listAggregates(never)).map((t) => [t.month, t.orders, t.grossSales]),
    );
    db.close();
    never.close();
  });

  it('says so when the import does not exist, and changes nothing', async () => {
    const db = await world('missing', [
      { id: IMPORT_A, platform: 'shopify', entries: [order('1', '2026-03-01', 10_00)] },
    ]);
    await expect(removeImport(db, IMPORT_B)).rejects.toThrow(/no import/);
    expect(await db.count('chunks')).toBe(1);
    db.close();
  });
});
