import { describe, expect, it } from 'vitest';
import { fileProvenance, IMPORT_A, IMPORT_B, order, payout } from '../../test/factories.ts';
import { otherContext } from '../../test/fresh-context.ts';
import { storedChunk, storedChunks } from '../../test/stored-chunks.ts';
import type { LedgerEntry } from '../domain/records.ts';
import { openTradelineDb, type TradelineDatabase } from './db.ts';
import { keysOf } from './dedupe-keys.ts';
import { rollBackInterrupted } from './interrupted.ts';
import { importEntries, readMonth } from './ledger-repo.ts';
import { listAggregates, listImports } from './overview-repo.ts';
import { CHUNK_SIZE } from './schema.ts';

const meta = (id: string, rows: number) => ({
  id,
  provenance: fileProvenance(id, rows),
  importedAt: '2026-11-02T08:00:00.000Z',
});

describe('importEntries', () => {
  it('stores records by platform and month and keeps monthly totals', async () => {
    const db = await openTradelineDb();
    const result = await importEntries(db, meta(IMPORT_A, 3), 'shopify', [
      order('1', '2026-03-01', 10_00),
      order('2', '2026-03-31', 15_25),
      payout('p1', '2026-04-01', 20_00),
    ]);
    expect(result).toEqual({ importId: IMPORT_A, added: 3, duplicates: 0, months: ['2026-03', '2026-04'] });
    expect((await readMonth(db, 'shopify', '2026-03')).map((e) => e.orderId)).toEqual(['1', '2']);
    const totals = await listAggregates(db);
    expect(totals.map((t) => [t.month, t.orders, t.grossSales, t.payouts])).toEqual([
      ['2026-03', 2, { USD: 25_25 }, {}],
      ['2026-04', 0, {}, { USD: 20_00 }],
    ]);
    db.close();
  });

  it('importing the same file twice adds nothing the second time', async () => {
    const db = await openTradelineDb();
    const entries = [order('1', '2026-03-01', 10_00), order('2', '2026-03-02', 11_00)];
    await importEntries(db, meta(IMPORT_A, 2), 'shopify', entries);
    const again = await importEntries(db, meta(IMPORT_A, 2), 'shopify', entries);
    expect(again).toMatchObject({ added: 0, duplicates: 2 });
    expect(await readMonth(db, 'shopify', '2026-03')).toHaveLength(2);
    const [march] = await listAggregates(db);
    expect(march).toMatchObject({ orders: 2, grossSales: { USD: 21_00 } });
    expect(await listImports(db)).toHaveLength(1);
    db.close();
  });

  it('an overlapping file only adds the records not stored yet', async () => {
    const db = await openTradelineDb();
    await importEntries(db, meta(IMPORT_A, 2), 'shopify', [
      order('1', '2026-03-01', 10_00),
      order('2', '2026-03-02', 11_00),
    ]);
    const overlap = await importEntries(db, meta(IMPORT_B, 2), 'shopify', [
      order('2', '2026-03-02', 11_00, IMPORT_B),
      order('3', '2026-03-03', 12_00, IMPORT_B),
    ]);
    expect(overlap).toMatchObject({ added: 1, duplicates: 1 });
    const [march] = await listAggregates(db);
    expect(march).toMatchObject({ orders: 3, grossSales: { USD: 33_00 } });
    db.close();
  });

  it('recognises the same event dated in the neighbouring month by another format', async () => {
    const db = await openTradelineDb();
    await importEntries(db, meta(IMPORT_A, 1), 'shopify', [order('7', '2026-03-31', 10_00)]);
    // The payments export dates the charge a day later, in April: same order key, not added again.
    const next = await importEntries(db, meta(IMPORT_B, 2), 'shopify', [
      order('7', '2026-04-01', 10_00, IMPORT_B),
      order('8', '2026-04-02', 5_00, IMPORT_B),
    ]);
    expect(next).toMatchObject({ added: 1, duplicates: 1 });
    const totals = await listAggregates(db);
    expect(totals.map((t) => [t.month, t.orders])).toEqual([
      ['2026-03', 1],
      ['2026-04', 1],
    ]);
    db.close();
  });

  it('fills chunks up to their size, then starts the next one', async () => {
    const db = await openTradelineDb();
    const many = Array.from({ length: CHUNK_SIZE + 5 }, (_, i) => order(`o${i}`, '2026-05-10', 1_00));
    await importEntries(db, meta(IMPORT_A, many.length), 'shopify', many);
    await importEntries(db, meta(IMPORT_B, 1), 'shopify', [order('late', '2026-05-31', 1_00, IMPORT_B)]);
    const first = await storedChunk(db, ['shopify', '2026-05', 0]);
    const second = await storedChunk(db, ['shopify', '2026-05', 1]);
    expect(first?.records).toHaveLength(CHUNK_SIZE);
    expect(second?.records).toHaveLength(6);
    expect(second?.records.at(-1)?.orderId).toBe('late');
    const [may] = await listAggregates(db);
    expect(may).toMatchObject({ orders: CHUNK_SIZE + 6, grossSales: { USD: (CHUNK_SIZE + 6) * 100 } });
    db.close();
  });

  it('a batch of a whole chunk or more starts new chunks after a partly filled one, in order', async () => {
    const db = await openTradelineDb();
    await importEntries(db, meta(IMPORT_A, 3), 'shopify', [
      order('a1', '2026-05-01', 1_00),
      order('a2', '2026-05-02', 1_00),
      order('a3', '2026-05-03', 1_00),
    ]);
    const batch = Array.from({ length: CHUNK_SIZE + 2 }, (_, i) =>
      order(`b${i}`, '2026-05-20', 1_00, IMPORT_B),
    );
    await importEntries(db, meta(IMPORT_B, batch.length), 'shopify', batch);
    // The first chunk (3 records) is left as it was; the batch fills two chunks after it.
    const sizes = (await storedChunks(db)).map((c) => [c.seq, c.records.length]);
    expect(sizes).toEqual([
      [0, 3],
      [1, CHUNK_SIZE],
      [2, 2],
    ]);
    const stored = await readMonth(db, 'shopify', '2026-05');
    expect(stored.map((e) => e.orderId)).toEqual(['a1', 'a2', 'a3', ...batch.map((e) => e.orderId)]);
    // The same records again: all duplicates, nothing written.
    const again = await importEntries(db, meta(IMPORT_B, batch.length), 'shopify', batch);
    expect(again).toMatchObject({ added: 0, duplicates: CHUNK_SIZE + 2 });
    expect(await db.count('chunks')).toBe(3);
    const [may] = await listAggregates(db);
    expect(may).toMatchObject({ orders: CHUNK_SIZE + 5, grossSales: { USD: (CHUNK_SIZE + 5) * 100 } });
    db.close();
  });

  it('a large batch that adds only a few records (a file imported again) tops up the last chunk', async () => {
    const db = await openTradelineDb();
    const many = Array.from({ length: CHUNK_SIZE + 5 }, (_, i) => order(`o${i}`, '2026-05-10', 1_00));
    await importEntries(db, meta(IMPORT_A, many.length), 'shopify', many);
    const more = [...many, order('new1', '2026-05-30', 1_00), order('new2', '2026-05-31', 1_00)];
    const again = await importEntries(db, meta(IMPORT_A, more.length), 'shopify', more);
    expect(again).toMatchObject({ added: 2, duplicates: CHUNK_SIZE + 5 });
    expect((await storedChunks(db)).map((c) => [c.seq, c.records.length])).toEqual([
      [0, CHUNK_SIZE],
      [1, 7],
    ]);
    expect((await readMonth(db, 'shopify', '2026-05')).map((e) => e.orderId)).toEqual(
      more.map((e) => e.orderId),
    );
    db.close();
  });

  it('a file stored in several calls never reads a chunk back: a small part of a batch starts a new chunk', async () => {
    const db = await openTradelineDb();
    const first = Array.from({ length: 5 }, (_, i) => order(`a${i}`, '2026-05-10', 1_00, IMPORT_B));
    const second = [order('b1', '2026-05-20', 1_00, IMPORT_B), order('b2', '2026-06-02', 1_00, IMPORT_B)];
    await importEntries(db, meta(IMPORT_B, 7), 'shopify', first, { index: 0, count: 2 });
    await importEntries(db, meta(IMPORT_B, 7), 'shopify', second, { index: 1, count: 2 });
    // May's first chunk (5 records) is not read and rewritten for the 1 record of the last batch.
    expect((await storedChunks(db)).map((c) => [c.month, c.seq, c.records.length])).toEqual([
      ['2026-05', 0, 5],
      ['2026-05', 1, 1],
      ['2026-06', 0, 1],
    ]);
    expect((await readMonth(db, 'shopify', '2026-05')).map((e) => e.orderId)).toEqual([
      'a0',
      'a1',
      'a2',
      'a3',
      'a4',
      'b1',
    ]);
    const [may] = await listAggregates(db);
    expect(may).toMatchObject({ records: 6, orders: 6, grossSales: { USD: 6_00 } });
    // The same file again, in one call: all duplicates, nothing written.
    const again = await importEntries(db, meta(IMPORT_B, 7), 'shopify', [...first, ...second]);
    expect(again).toMatchObject({ added: 0, duplicates: 7 });
    expect(await db.count('chunks')).toBe(3);
    db.close();
  });

  it('a failed batch leaves nothing behind: the same records stored next are added, not duplicates', async () => {
    const db = await openTradelineDb();
    await importEntries(db, meta(IMPORT_A, 1), 'shopify', [order('1', '2026-05-01', 1_00)]);
    const unstorable = { ...order('3', '2026-05-03', 1_00), note: () => 'a function cannot be stored' };
    const batch = [order('2', '2026-05-02', 1_00), unstorable as unknown as LedgerEntry];
    await expect(importEntries(db, meta(IMPORT_A, 2), 'shopify', batch)).rejects.toThrow();
    const retry = await importEntries(db, meta(IMPORT_A, 2), 'shopify', [
      order('2', '2026-05-02', 1_00),
      order('3', '2026-05-03', 1_00),
    ]);
    expect(retry).toMatchObject({ added: 2, duplicates: 0 });
    expect((await readMonth(db, 'shopify', '2026-05')).map((e) => e.orderId)).toEqual(['1', '2', '3']);
    db.close();
  });

  it('sees keys another page stored between two batches (the next batch does not trust what it knew)', async () => {
    const db = await openTradelineDb();
    await importEntries(db, meta(IMPORT_A, 1), 'shopify', [order('1', '2026-05-01', 1_00)]);
    // Another context (the background storing a dashboard read, with its own copy of this module)
    // adds order 9 to May meanwhile.
    const background = await otherContext();
    await background.importEntries(db, meta(IMPORT_B, 1), 'shopify', [order('9', '2026-05-09', 1_00)]);
    const next = await importEntries(db, meta(IMPORT_A, 2), 'shopify', [
      order('9', '2026-05-09', 1_00),
      order('1', '2026-05-01', 1_00),
      order('2', '2026-05-02', 1_00),
    ]);
    expect(next).toMatchObject({ added: 1, duplicates: 2 });
    db.close();
  });

  it('a file batch put ahead of reading sees keys another page stored after the batch before, and stores exactly', async () => {
    const db = await openTradelineDb();
    const file = [
      order('1', '2026-05-01', 1_00),
      order('2', '2026-05-02', 1_00),
      order('3', '2026-05-03', 1_00),
    ];
    await importEntries(db, meta(IMPORT_A, 3), 'shopify', [file[0] as LedgerEntry], { index: 0, count: 3 });
    // The background (its own copy of storage) stores order 2 from a dashboard page meanwhile.
    const background = await otherContext();
    await background.importEntries(db, meta(IMPORT_B, 1), 'shopify', [
      order('2', '2026-05-02', 1_00, IMPORT_B),
    ]);
    const second = await importEntries(db, meta(IMPORT_A, 3), 'shopify', [file[1] as LedgerEntry], {
      index: 1,
      count: 3,
    });
    expect(second).toMatchObject({ added: 0, duplicates: 1 });
    const third = await importEntries(db, meta(IMPORT_A, 3), 'shopify', [file[2] as LedgerEntry], {
      index: 2,
      count: 3,
    });
    expect(third).toMatchObject({ added: 1, duplicates: 0 });
    expect((await readMonth(db, 'shopify', '2026-05')).map((e) => e.orderId)).toEqual(['1', '2', '3']);
    expect((await listImports(db)).map((i) => [i.id, i.added, i.duplicates, i.state])).toEqual(
      expect.arrayContaining([
        [IMPORT_A, 2, 1, 'complete'],
        [IMPORT_B, 1, 0, 'complete'],
      ]),
    );
    db.close();
  });

  it('a file batch whose commit failed after its call returned fails the next batch, which stores nothing', async () => {
    const db = await openTradelineDb();
    // The first batch's transaction, aborted after the call returned (as a full disk would at commit).
    const opened: IDBTransaction[] = [];
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof original>) {
      const tx = original.apply(this, args);
      opened.push(tx);
      return tx;
    };
    try {
      await importEntries(db, meta(IMPORT_A, 2), 'shopify', [order('1', '2026-05-01', 1_00)], {
        index: 0,
        count: 3,
      });
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    opened[0]?.abort();
    await expect(
      importEntries(db, meta(IMPORT_A, 2), 'shopify', [order('2', '2026-05-02', 1_00)], {
        index: 1,
        count: 3,
      }),
    ).rejects.toThrow('An earlier batch of this file was not stored');
    expect(await readMonth(db, 'shopify', '2026-05')).toEqual([]);
    expect(await db.count('imports')).toBe(0);
    db.close();
  });

  /** Stores `entries` as batch `index` of `count` of `file`, a Shopify file. */
  const storeBatch = (
    db: TradelineDatabase,
    file: ReturnType<typeof meta>,
    entries: LedgerEntry[],
    index: number,
    count: number,
  ) => importEntries(db, file, 'shopify', entries, { index, count });
  /** The month's stored dedupe keys, sorted (undefined: none stored). */
  const storedKeys = async (db: TradelineDatabase, month: string) => {
    const value = await db.get('dedupe', ['shopify', month]);
    return value ? keysOf(value.keys).sort() : undefined;
  };
  /** The keys of the month's stored records, sorted: what the stored keys must equal. */
  const recordKeys = async (db: TradelineDatabase, month: string) =>
    (await readMonth(db, 'shopify', month)).map((e) => e.key).sort();

  it("a file's batches write a month's keys once they have left it, listing the months not written yet; the last batch writes the rest", async () => {
    const db = await openTradelineDb();
    const file = meta(IMPORT_A, 4);
    await storeBatch(db, file, [order('1', '2026-05-01', 1_00), order('2', '2026-05-20', 1_00)], 0, 3);
    // May is still being filled: its keys wait, and the import says so to every other writer.
    expect(await storedKeys(db, '2026-05')).toBeUndefined();
    expect((await db.get('imports', IMPORT_A))?.keysPending).toEqual(['2026-05']);
    await storeBatch(db, file, [order('3', '2026-06-02', 1_00)], 1, 3);
    expect(await storedKeys(db, '2026-05')).toEqual(['shopify:order:1', 'shopify:order:2']);
    expect(await storedKeys(db, '2026-06')).toBeUndefined();
    expect((await db.get('imports', IMPORT_A))?.keysPending).toEqual(['2026-06']);
    await storeBatch(db, file, [order('4', '2026-07-03', 1_00)], 2, 3);
    for (const month of ['2026-05', '2026-06', '2026-07'])
      expect(await storedKeys(db, month)).toEqual(await recordKeys(db, month));
    const stored = await db.get('imports', IMPORT_A);
    expect(stored).toMatchObject({ state: 'complete', added: 4 });
    expect(stored?.keysPending).toBeUndefined();
    // The same file again, in one call, from a context that read nothing: all duplicates.
    const again = await (await otherContext()).importEntries(db, file, 'shopify', [
      order('1', '2026-05-01', 1_00),
      order('2', '2026-05-20', 1_00),
      order('3', '2026-06-02', 1_00),
      order('4', '2026-07-03', 1_00),
    ]);
    expect(again).toMatchObject({ added: 0, duplicates: 4 });
    db.close();
  });

  it("another page storing between a file's batches finds the file's records whose keys are not written yet, and the file's end writes every month's keys exactly", async () => {
    const db = await openTradelineDb();
    const file = meta(IMPORT_A, 4);
    await storeBatch(db, file, [order('1', '2026-05-01', 1_00), order('2', '2026-05-02', 1_00)], 0, 2);
    // The background (its own copy of storage) stores a dashboard page with order 2 and order 9.
    const background = await otherContext();
    const page = await background.importEntries(db, meta(IMPORT_B, 2), 'shopify', [
      order('2', '2026-05-02', 1_00, IMPORT_B),
      order('9', '2026-05-09', 1_00, IMPORT_B),
    ]);
    expect(page).toMatchObject({ added: 1, duplicates: 1 });
    // The file's last batch: order 9 is the page's, order 3 is new.
    const last = await storeBatch(
      db,
      file,
      [order('9', '2026-05-09', 1_00), order('3', '2026-05-03', 1_00)],
      1,
      2,
    );
    expect(last).toMatchObject({ added: 1, duplicates: 1 });
    expect(await recordKeys(db, '2026-05')).toEqual([
      'shopify:order:1',
      'shopify:order:2',
      'shopify:order:3',
      'shopify:order:9',
    ]);
    expect(await storedKeys(db, '2026-05')).toEqual(await recordKeys(db, '2026-05'));
    const [may] = await listAggregates(db);
    expect(may).toMatchObject({ orders: 4, grossSales: { USD: 4_00 } });
    db.close();
  });

  it.each([
    ['no other call', undefined],
    ['a call of the same page', false],
    ['a call of another page', true],
  ])('a file whose batches %s came between writes the keys of a month it has left', async (_, elsewhere) => {
    const db = await openTradelineDb();
    const file = meta(IMPORT_A, 3);
    await storeBatch(db, file, [order('1', '2026-05-01', 1_00)], 0, 3);
    // Something else is stored meanwhile: by this context (what it kept of the file's months is
    // then another call's), or by another (what this one kept of them is then out of date).
    if (elsewhere !== undefined) {
      const other = elsewhere ? (await otherContext()).importEntries : importEntries;
      await other(db, meta(IMPORT_B, 1), 'shopify', [order('8', '2026-09-08', 1_00, IMPORT_B)]);
    }
    // The file goes on two months later: May is no longer among the months it needs.
    await storeBatch(db, file, [order('2', '2026-07-02', 1_00)], 1, 3);
    expect(await storedKeys(db, '2026-05')).toEqual(['shopify:order:1']);
    expect((await db.get('imports', IMPORT_A))?.keysPending).toEqual(['2026-07']);
    await storeBatch(db, file, [order('3', '2026-07-03', 1_00)], 2, 3);
    expect(await storedKeys(db, '2026-07')).toEqual(['shopify:order:2', 'shopify:order:3']);
    // A later file with the same orders adds nothing.
    const again = await importEntries(db, meta(IMPORT_B, 3), 'shopify', [
      order('1', '2026-05-01', 1_00, IMPORT_B),
      order('2', '2026-07-02', 1_00, IMPORT_B),
      order('3', '2026-07-03', 1_00, IMPORT_B),
    ]);
    expect(again).toMatchObject({ added: 0, duplicates: 3 });
    db.close();
  });

  it('a file rolled back before its end leaves the keys of what stays, and its records can be stored again', async () => {
    const db = await openTradelineDb();
    await importEntries(db, meta(IMPORT_B, 1), 'shopify', [order('7', '2026-05-07', 1_00, IMPORT_B)]);
    await importEntries(
      db,
      meta(IMPORT_A, 3),
      'shopify',
      [order('1', '2026-05-01', 1_00), order('2', '2026-06-02', 1_00)],
      {
        index: 0,
        count: 3,
      },
    );
    // Its writer is gone (no lock held): the background rolls it back.
    const locks = {
      request: (_n: string, _o: unknown, callback: (lock: unknown) => Promise<unknown>) => callback({}),
    };
    expect(await rollBackInterrupted(db, locks as never, new Date())).toHaveLength(1);
    expect(await storedKeys(db, '2026-05')).toEqual(['shopify:order:7']);
    expect(await storedKeys(db, '2026-06')).toBeUndefined();
    const again = await (await otherContext()).importEntries(db, meta(IMPORT_A, 2), 'shopify', [
      order('1', '2026-05-01', 1_00),
      order('2', '2026-06-02', 1_00),
    ]);
    expect(again).toMatchObject({ added: 2, duplicates: 0 });
    db.close();
  });

  it('never adds amounts of different currencies together', async () => {
    const db = await openTradelineDb();
    const eur = { ...order('e1', '2026-06-01', 50_00), gross: { amount: 50_00, currency: 'EUR' } };
    await importEntries(db, meta(IMPORT_A, 2), 'shopify', [order('u1', '2026-06-01', 20_00), eur]);
    const [june] = await listAggregates(db);
    expect(june?.grossSales).toEqual({ USD: 20_00, EUR: 50_00 });
    db.close();
  });
});
