import { describe, expect, it } from 'vitest';
import { fileProvenance, IMPORT_A, IMPORT_B, order, payout } from '../../test/factories.ts';
import { TestLockManager } from '../../test/locks.ts';
import { storedChunks } from '../../test/stored-chunks.ts';
import type { LedgerEntry } from '../domain/records.ts';
import { createHandlers } from '../messaging/handlers.ts';
import { createRouter } from '../messaging/router.ts';
import { openTradelineDb, type TradelineDatabase } from './db.ts';
import { keysOf } from './dedupe-keys.ts';
import { importLockName, rollBackInterrupted, STALE_IMPORT_MS } from './interrupted.ts';
import { listAggregates, listImports } from './overview-repo.ts';
import { currentProfile } from './profile-repo.ts';
import { createBatchStore, storeImport } from './store-import.ts';

// A file stored in batches is all or nothing as the seller sees it: while it is storing nothing
// of it counts, and once its writer is gone (page closed, browser killed) it is rolled back.

const NOW = new Date('2026-11-29T10:00:00.000Z');
const self = { id: 'tradeline', origin: 'chrome-extension://tradeline/' };
const page = { id: 'tradeline', url: 'chrome-extension://tradeline/options.html' };

/** The seller's earlier import: three months of orders. */
const earlier: LedgerEntry[] = [
  order('1', '2026-01-05', 10_00),
  order('2', '2026-02-05', 20_00),
  order('3', '2026-03-07', 30_00),
];
/** The file being imported: 20 records over five months, two of them already stored by the earlier one. */
const file: LedgerEntry[] = [
  ...Array.from({ length: 17 }, (_, i) =>
    order(`b${i}`, `2026-0${2 + (i % 5)}-1${i % 9}`, 5_00 + i * 17, IMPORT_B),
  ),
  order('2', '2026-02-05', 20_00, IMPORT_B),
  order('3', '2026-03-07', 30_00, IMPORT_B),
  payout('p1', '2026-04-20', 900_00, IMPORT_B),
];
const SIZE = 4;
const COUNT = file.length / SIZE;
const provenanceB = fileProvenance(IMPORT_B, file.length, 'big-orders.csv');

function batchOf(index: number) {
  return {
    provenance: provenanceB,
    platform: 'shopify' as const,
    entries: file.slice(index * SIZE, (index + 1) * SIZE),
    batch: { index, count: COUNT },
  };
}

/** Everything a seller's numbers come from. */
async function snapshot(db: TradelineDatabase) {
  const [chunks, dedupe, aggregates] = await Promise.all([
    storedChunks(db),
    db.getAll('dedupe'),
    db.getAll('aggregates'),
  ]);
  return { chunks, dedupe, aggregates };
}

/**
 * The same with each month's records in stored order instead of chunks: a file stored in several
 * calls packs them in more chunks than one call does (it never reads a chunk back to top it up).
 */
async function contents(db: TradelineDatabase) {
  const { chunks, ...rest } = await snapshot(db);
  const records: Record<string, LedgerEntry[]> = {};
  // getAll returns chunks in key order: platform, month, seq.
  for (const c of chunks) {
    const month = `${c.platform}|${c.month}`;
    records[month] = [...(records[month] ?? []), ...c.records];
  }
  return { records, ...rest };
}

async function withEarlierImport(name: string) {
  const db = await openTradelineDb({ name });
  await storeImport(
    db,
    { provenance: fileProvenance(IMPORT_A, 3), platform: 'shopify', entries: earlier },
    NOW,
  );
  return db;
}

/** Both files stored whole, each in one call: what the stores must hold after a full import. */
async function reference(name: string) {
  const db = await withEarlierImport(name);
  await storeImport(db, { provenance: provenanceB, platform: 'shopify', entries: file }, NOW);
  const result = await contents(db);
  db.close();
  return result;
}

/** The options page's worker storing a file into `db` in batches, holding its lock in `origin`. */
function batchStoreOf(db: TradelineDatabase) {
  const origin = new TestLockManager();
  const worker = origin.context();
  const store = createBatchStore(
    async () => db,
    worker,
    () => NOW,
  );
  return { origin, worker, store };
}

describe('a file cut off between batches', () => {
  for (const cutAfter of [1, 3, COUNT - 1]) {
    it(`after batch ${cutAfter} of ${COUNT} with its page closed: nothing of it remains, earlier data intact, re-import exact`, async () => {
      const db = await withEarlierImport(`cut-${cutAfter}`);
      const before = await snapshot(db);
      const { origin, worker, store } = batchStoreOf(db);
      for (let index = 0; index < cutAfter; index++) await store(batchOf(index));

      // Running: the lock is held, nothing of the file counts, and nobody rolls it back.
      expect(origin.isHeld(importLockName(IMPORT_B))).toBe(true);
      expect(await db.getAll('aggregates')).toEqual(before.aggregates);
      expect((await listImports(db)).map((i) => i.id)).toEqual([IMPORT_A]);
      expect(await rollBackInterrupted(db, origin.context(), NOW)).toEqual([]);
      expect((await db.get('imports', IMPORT_B))?.state).toBe('storing');

      // The page is closed: the worker and its lock are gone. The next overview undoes the file.
      worker.end();
      const handlers = createHandlers({
        db: async () => db,
        version: '0',
        now: () => NOW,
        locks: origin.context(),
      });
      const route = createRouter(handlers, self);
      const overview = (await route({ channel: 'tradeline/v1', type: 'getOverview', data: {} }, page)) as {
        ok: true;
        data: { imports: number; orders: number; interrupted: { importId: string; name: string }[] };
      };
      expect(overview.data).toMatchObject({
        imports: 1,
        orders: 3,
        interrupted: [{ importId: IMPORT_B, name: 'big-orders.csv' }],
      });
      // No record, chunk, dedupe key or monthly total of it remains; the earlier import is as it was.
      expect(await snapshot(db)).toEqual(before);
      expect((await listImports(db)).map((i) => i.id)).toEqual([IMPORT_A]);
      const profile = await currentProfile(db, '2026-11-29');
      expect(profile.months?.reduce((n, m) => n + m.grossSales, 0)).toBe(60_00);

      // Imported again (a new page, a new worker): every record exactly once, the notice gone.
      const again = createBatchStore(
        async () => db,
        origin.context(),
        () => NOW,
      );
      let added = 0;
      let duplicates = 0;
      for (let index = 0; index < COUNT; index++) {
        const r = await again(batchOf(index));
        added += r.added;
        duplicates += r.duplicates;
      }
      expect({ added, duplicates }).toEqual({ added: 18, duplicates: 2 });
      expect(await contents(db)).toEqual(await reference(`ref-${cutAfter}`));
      expect(await db.get('imports', IMPORT_B)).toMatchObject({
        state: 'complete',
        added: 18,
        duplicates: 2,
      });
      expect(origin.isHeld(importLockName(IMPORT_B))).toBe(false);
      db.close();
    });
  }

  it('after a rollback, the next import in the same session dedupes against the keys left, not the ones it knew', async () => {
    const db = await withEarlierImport('rollback-then-import');
    const { origin, worker, store } = batchStoreOf(db);
    // Two batches stored: this module keeps their months' key sets (with the file's keys) for the next call.
    await store(batchOf(0));
    await store(batchOf(1));
    worker.end();
    expect(await rollBackInterrupted(db, origin.context(), NOW)).toHaveLength(1);

    // Another file with the records of those two batches and one of the earlier import: the
    // rolled-back ones are new again, only the earlier import's is a duplicate.
    const IMPORT_C = 'c'.repeat(64);
    const rolledBack = file.slice(0, 2 * SIZE);
    const other = [...rolledBack, earlier[1] as LedgerEntry].map((e) => ({ ...e, importId: IMPORT_C }));
    const result = await storeImport(
      db,
      {
        provenance: fileProvenance(IMPORT_C, other.length, 'other.csv'),
        platform: 'shopify',
        entries: other,
      },
      NOW,
    );
    const alreadyStored = rolledBack.filter((e) => earlier.some((x) => x.key === e.key)).length;
    expect(result).toMatchObject({ added: rolledBack.length - alreadyStored, duplicates: 1 + alreadyStored });
    // Each month's stored keys are exactly those of its records, in order.
    for (const { platform, month, keys } of await db.getAll('dedupe')) {
      const records = (await storedChunks(db)).filter((c) => c.platform === platform && c.month === month);
      expect(keysOf(keys), month).toEqual(records.flatMap((c) => c.records.map((r) => r.key)));
    }
    db.close();
  });

  it('a batch that fails undoes the batches before it at once, with no notice left', async () => {
    const db = await withEarlierImport('throw');
    const before = await snapshot(db);
    const { origin, store } = batchStoreOf(db);
    await store(batchOf(0));
    await store(batchOf(1));
    // A record of another file slipped into the batch: storing refuses the whole batch.
    const bad = { ...batchOf(2), entries: [order('x', '2026-05-01', 1_00, IMPORT_A)] };
    await expect(store(bad)).rejects.toThrow(/does not belong/);
    expect(await snapshot(db)).toEqual(before);
    expect(await db.get('imports', IMPORT_B)).toBeUndefined();
    expect(origin.isHeld(importLockName(IMPORT_B))).toBe(false);
    db.close();
  });

  it('a file its writer gives up between batches is undone at once, lock released', async () => {
    const db = await withEarlierImport('discard');
    const before = await snapshot(db);
    const { origin, store } = batchStoreOf(db);
    await store(batchOf(0));
    await store(batchOf(1));
    expect(origin.isHeld(importLockName(IMPORT_B))).toBe(true);
    // The worker could not make batch 3 (the file read again did not match its preview).
    await store.discard(IMPORT_B);
    expect(await snapshot(db)).toEqual(before);
    expect(await db.get('imports', IMPORT_B)).toBeUndefined();
    expect(origin.isHeld(importLockName(IMPORT_B))).toBe(false);
    db.close();
  });

  it('the totals of a storing file count only once its last batch commits', async () => {
    const db = await withEarlierImport('last');
    const before = await listAggregates(db);
    const { store } = batchStoreOf(db);
    for (let index = 0; index < COUNT - 1; index++) {
      await store(batchOf(index));
      expect(await listAggregates(db)).toEqual(before);
    }
    await store(batchOf(COUNT - 1));
    expect(await contents(db)).toEqual(await reference('ref-last'));
    db.close();
  });

  it('a complete file imported again, cut off while it adds nothing, stays complete', async () => {
    const db = await withEarlierImport('again');
    await storeImport(db, { provenance: provenanceB, platform: 'shopify', entries: file }, NOW);
    const full = await snapshot(db);
    const { origin, worker, store } = batchStoreOf(db);
    await store(batchOf(0));
    await store(batchOf(1));
    worker.end();
    expect(await rollBackInterrupted(db, origin.context(), NOW)).toEqual([]);
    expect(await snapshot(db)).toEqual(full);
    expect((await listImports(db)).map((i) => i.id).sort()).toEqual([IMPORT_A, IMPORT_B]);
    db.close();
  });

  it('without Web Locks, a storing file is rolled back once no batch came for ten minutes', async () => {
    const db = await withEarlierImport('stale');
    const before = await snapshot(db);
    const store = createBatchStore(
      async () => db,
      undefined,
      () => NOW,
    );
    await store(batchOf(0));
    expect(await rollBackInterrupted(db, undefined, new Date(NOW.getTime() + 60_000))).toEqual([]);
    const later = new Date(NOW.getTime() + STALE_IMPORT_MS + 1);
    expect(await rollBackInterrupted(db, undefined, later)).toEqual([
      { importId: IMPORT_B, name: 'big-orders.csv', removed: 4 },
    ]);
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('a content script’s import (one message per import) is complete as soon as it is stored', async () => {
    const db = await openTradelineDb({ name: 'content' });
    const route = createRouter(createHandlers({ db: async () => db, version: '0', now: () => NOW }), self);
    const reply = await route(
      {
        channel: 'tradeline/v1',
        type: 'importEntries',
        data: { provenance: fileProvenance(IMPORT_A, 3), platform: 'shopify', entries: earlier },
      },
      { id: 'tradeline', url: 'https://admin.shopify.com/store/x/orders', tab: { id: 1 } } as never,
    );
    expect(reply).toMatchObject({ ok: true, data: { added: 3 } });
    expect(await db.get('imports', IMPORT_A)).toMatchObject({ state: 'complete' });
    expect((await listAggregates(db)).reduce((n, a) => n + a.orders, 0)).toBe(3);
    db.close();
  });
});
