import { describe, expect, it } from 'vitest';
import { fileProvenance, IMPORT_A, IMPORT_B, order, payout } from '../../test/factories.ts';
import { otherContext } from '../../test/fresh-context.ts';
import { storedChunk, storedChunks } from '../../test/stored-chunks.ts';
import type { LedgerEntry, MonthAggregate, RecordChunk } from '../domain/records.ts';
import { createHandlers } from '../messaging/handlers.ts';
import { createRouter } from '../messaging/router.ts';
import { addEntry, emptyAggregate } from './aggregate.ts';
import { chunkProblem } from './chunk-check.ts';
import { exportAll } from './data-repo.ts';
import { openTradelineDb, type TradelineDatabase } from './db.ts';
import { keysOf } from './dedupe-keys.ts';
import { removeImport } from './imports-repo.ts';
import { listQuarantine } from './quarantine.ts';
import { CHUNK_SIZE } from './schema.ts';
import { storeImport } from './store-import.ts';

// A damaged record chunk is set aside and reported, never fatal, and the monthly totals stay the
// sum of the records that remain (the seller is told which file to import again).

const NOW = new Date('2026-11-29T10:00:00.000Z');
const self = { id: 'tradeline', origin: 'chrome-extension://tradeline/' };
const page = { id: 'tradeline', url: 'chrome-extension://tradeline/options.html' };

/** February: one full chunk and a second with 5 records; March: one small chunk. */
const fileA: LedgerEntry[] = [
  ...Array.from({ length: CHUNK_SIZE + 5 }, (_, i) =>
    order(`a${i}`, `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`, 1_00 + (i % 7)),
  ),
  order('m1', '2026-03-03', 40_00),
  payout('p1', '2026-03-15', 500_00),
];
const fileB: LedgerEntry[] = [
  order('b1', '2026-02-10', 7_00, IMPORT_B),
  order('b2', '2026-02-11', 8_00, IMPORT_B),
];
const provenanceA = fileProvenance(IMPORT_A, fileA.length, 'amazon-2026.csv');
const provenanceB = fileProvenance(IMPORT_B, fileB.length, 'shopify-feb.csv');

function totals(records: readonly LedgerEntry[], month: string): MonthAggregate {
  const agg = emptyAggregate('shopify', month);
  for (const r of records) if (r.date.startsWith(month)) addEntry(agg, r);
  return agg;
}

async function seeded(name: string): Promise<TradelineDatabase> {
  const db = await openTradelineDb({ name });
  await storeImport(db, { provenance: provenanceA, platform: 'shopify', entries: fileA }, NOW);
  return db;
}

/** Replaces a stored chunk with `damage(chunk)`, as a bug, a downgrade or a bad disk would. */
async function damage(db: TradelineDatabase, seq: number, hurt: (chunk: RecordChunk) => unknown) {
  const chunk = (await storedChunk(db, ['shopify', '2026-02', seq])) as RecordChunk;
  await db.put('chunks', hurt(chunk) as RecordChunk, ['shopify', '2026-02', seq]);
  return chunk;
}

const DAMAGE: [string, (chunk: RecordChunk) => unknown][] = [
  ['wrong type: records is text', (c) => ({ ...c, records: 'garbage' })],
  [
    'missing fields: a record without its date',
    (c) => ({ ...c, records: c.records.map((r, i) => (i === 3 ? { ...r, date: undefined } : r)) }),
  ],
  ['garbage: numbers instead of records', (c) => ({ ...c, records: [1, 2, 3] })],
  [
    'an amount that is not an integer',
    (c) => ({
      ...c,
      records: c.records.map((r, i) =>
        i === 0 && r.kind === 'order' ? { ...r, gross: { amount: '12.5', currency: 'USD' } } : r,
      ),
    }),
  ],
];

describe('a damaged record chunk is quarantined, not fatal', () => {
  for (const [what, hurt] of DAMAGE) {
    it(`${what}: export, overview and profile still work, the chunk is listed, totals consistent`, async () => {
      const db = await seeded(`damaged-${what}`);
      const lost = await damage(db, 0, hurt);
      const remaining = fileA.filter((r) => !lost.records.some((l) => l.key === r.key));
      expect(remaining).toHaveLength(7);

      // Export: every page comes, the damaged chunk is not exported as records but as quarantine.
      const first = await exportAll(db, { now: NOW });
      expect(first.chunks.map((c) => [c.month, c.seq])).toEqual([
        ['2026-02', 1],
        ['2026-03', 0],
      ]);
      expect(first.stores?.quarantine).toEqual([
        expect.objectContaining({ store: 'chunks', key: 'shopify / 2026-02 / 0', value: hurt(lost) }),
      ]);
      // Listed on the options page with the file to import again; the month's totals and keys are
      // those of the records that remain.
      const listed = await listQuarantine(db);
      expect(listed).toEqual([
        expect.objectContaining({
          store: 'chunks',
          key: 'shopify / 2026-02 / 0',
          problem: expect.stringContaining('Import again: amazon-2026.csv.'),
        }),
      ]);
      expect(await db.get('aggregates', ['shopify', '2026-02'])).toEqual(totals(remaining, '2026-02'));
      expect(await db.get('aggregates', ['shopify', '2026-03'])).toEqual(totals(fileA, '2026-03'));
      expect(keysOf((await db.get('dedupe', ['shopify', '2026-02']))?.keys ?? '')).toEqual(
        remaining.filter((r) => r.date.startsWith('2026-02')).map((r) => r.key),
      );

      // The overview and the profile open, and count what remains.
      const route = createRouter(createHandlers({ db: async () => db, version: '0', now: () => NOW }), self);
      const overview = await route({ channel: 'tradeline/v1', type: 'getOverview', data: {} }, page);
      expect(overview).toMatchObject({ ok: true, data: { imports: 1, records: 7, orders: 6 } });
      expect(await route({ channel: 'tradeline/v1', type: 'getProfile', data: {} }, page)).toMatchObject({
        ok: true,
      });

      // Importing the named file again restores exactly what was lost.
      const again = await storeImport(
        db,
        { provenance: provenanceA, platform: 'shopify', entries: fileA },
        NOW,
      );
      expect(again).toMatchObject({ added: CHUNK_SIZE, duplicates: 7 });
      expect(await db.get('aggregates', ['shopify', '2026-02'])).toMatchObject({
        orders: CHUNK_SIZE + 5,
        grossSales: totals(fileA, '2026-02').grossSales,
      });
      db.close();
    });
  }

  it('a damaged chunk on a later export page is carried by that page, once', async () => {
    const db = await seeded('later-page');
    await damage(db, 1, (c) => ({ ...c, records: [null] }));
    const first = await exportAll(db, { maxChunks: 1, now: NOW });
    expect(first.stores?.quarantine).toEqual([]);
    expect(first.quarantined).toBeUndefined();
    expect(first.next).toEqual(['shopify', '2026-02', 0]);
    const second = await exportAll(db, { after: first.next ?? undefined, maxChunks: 1, now: NOW });
    expect(second.chunks).toEqual([]);
    expect(second.quarantined).toEqual([expect.objectContaining({ key: 'shopify / 2026-02 / 1' })]);
    const third = await exportAll(db, { after: second.next ?? undefined, maxChunks: 1, now: NOW });
    expect(third.chunks.map((c) => c.month)).toEqual(['2026-03']);
    expect(third.quarantined).toBeUndefined();
    expect(await listQuarantine(db)).toHaveLength(1);
    db.close();
  });

  it('an import appending to a damaged chunk sets it aside and stores its own records', async () => {
    const db = await seeded('append');
    const lost = await damage(db, 1, (c) => ({ ...c, records: [{ nonsense: true }] }));
    const result = await storeImport(
      db,
      { provenance: provenanceB, platform: 'shopify', entries: fileB },
      NOW,
    );
    expect(result).toMatchObject({ added: 2, duplicates: 0 });
    const kept = fileA.filter(
      (r) => r.date.startsWith('2026-02') && !lost.records.some((l) => l.key === r.key),
    );
    expect(await db.get('aggregates', ['shopify', '2026-02'])).toEqual(
      totals([...kept, ...fileB], '2026-02'),
    );
    expect((await storedChunk(db, ['shopify', '2026-02', 1]))?.records.map((r) => r.key)).toEqual(
      fileB.map((r) => r.key),
    );
    expect((await listQuarantine(db)).map((q) => q.key)).toEqual(['shopify / 2026-02 / 1']);
    db.close();
  });

  // What storage never writes since keys are one string (migration 009): the array of before it,
  // an empty key, a broken escape, no text at all.
  const DAMAGED_KEYS: [string, unknown][] = [
    ['an array of keys (the shape before migration 009)', ['shopify:order:a0', 'shopify:order:a1']],
    ['an empty key between two', 'shopify:order:a0\n\nshopify:order:a1'],
    ['a line break at the end', 'shopify:order:a0\n'],
    ['a broken escape', 'shopify:order:a0\\x'],
    ['a number', 42],
  ];
  for (const [what, keys] of DAMAGED_KEYS) {
    it(`damaged dedupe keys (${what}) are set aside and rebuilt from the records: a re-import adds nothing twice`, async () => {
      const db = await seeded(`dedupe-${what}`);
      const good = await db.get('dedupe', ['shopify', '2026-02']);
      await db.put('dedupe', { platform: 'shopify', month: '2026-02', keys } as never);
      // Found when the keys are next read: by a context that did not write them last (the
      // background after a restart, another page).
      const again = await (await otherContext()).storeImport(
        db,
        { provenance: provenanceA, platform: 'shopify', entries: fileA },
        NOW,
      );
      expect(again).toMatchObject({ added: 0, duplicates: fileA.length });
      expect(await db.get('aggregates', ['shopify', '2026-02'])).toEqual(totals(fileA, '2026-02'));
      expect(await db.get('dedupe', ['shopify', '2026-02'])).toEqual(good);
      expect(await listQuarantine(db)).toEqual([
        expect.objectContaining({
          store: 'dedupe',
          key: 'shopify / 2026-02',
          problem: expect.stringContaining('rebuilt from the stored records'),
        }),
      ]);
      // The value itself is kept for the export, as it was.
      expect((await db.getAll('quarantine')).map((q) => q.value)).toEqual([
        { platform: 'shopify', month: '2026-02', keys },
      ]);
      db.close();
    });
  }

  it('removing an import whose month holds a damaged chunk removes it and keeps the rest consistent', async () => {
    const db = await seeded('remove');
    await storeImport(db, { provenance: provenanceB, platform: 'shopify', entries: fileB }, NOW);
    const lost = await damage(db, 0, (c) => ({
      ...c,
      records: c.records.map((r) => ({ ...r, date: '1999-01-01' })),
    }));
    const result = await removeImport(db, IMPORT_B);
    expect(result.removed).toBe(2);
    const kept = fileA.filter(
      (r) => r.date.startsWith('2026-02') && !lost.records.some((l) => l.key === r.key),
    );
    expect(await db.get('aggregates', ['shopify', '2026-02'])).toEqual(totals(kept, '2026-02'));
    expect((await storedChunks(db)).map((c) => [c.month, c.seq, c.records.length])).toEqual([
      ['2026-02', 0, 5],
      ['2026-03', 0, 2],
    ]);
    expect(await listQuarantine(db)).toHaveLength(1);
    db.close();
  });
});

describe('the check itself', () => {
  it('accepts every stored chunk and rejects what storage could not use', () => {
    const chunk: RecordChunk = { platform: 'shopify', month: '2026-03', seq: 0, records: fileA.slice(-2) };
    expect(chunkProblem(chunk, ['shopify', '2026-03', 0])).toBeNull();
    expect(chunkProblem(chunk, ['shopify', '2026-03', 1])).toMatch(/sequence/);
    expect(
      chunkProblem({ ...chunk, records: [{ ...chunk.records[0], platform: 'ebay' }] }, [
        'shopify',
        '2026-03',
        0,
      ]),
    ).toMatch(/record 1: platform/);
    expect(
      chunkProblem({ ...chunk, records: [{ ...chunk.records[1], kind: 'gift' }] }, ['shopify', '2026-03', 0]),
    ).toMatch(/unknown kind/);
    expect(
      chunkProblem(
        { ...chunk, records: [{ ...chunk.records[1], amount: { amount: 5, currency: 'dollars' } }] },
        ['shopify', '2026-03', 0],
      ),
    ).toMatch(/currency/);
    expect(chunkProblem(null, ['shopify', '2026-03', 0])).toMatch(/not a record chunk/);
  });
});
