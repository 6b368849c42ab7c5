import { describe, expect, it } from 'vitest';
import { fileProvenance, IMPORT_A, IMPORT_B, order } from '../../test/factories.ts';
import { createHandlers } from '../messaging/handlers.ts';
import { openTradelineDb } from './db.ts';
import { importEntries } from './ledger-repo.ts';
import { readSettings, writeSettings } from './overview-repo.ts';

const ctx = { sender: {}, senderKind: 'extension-page' as const };
const DAY = 86_400_000;

async function seller(now: { at: Date }) {
  const db = await openTradelineDb();
  const handlers = createHandlers({ db: async () => db, version: 't', now: () => now.at });
  // An old file (2023-2024) and a recent one (2026).
  await importEntries(
    db,
    {
      id: IMPORT_A,
      provenance: { ...fileProvenance(IMPORT_A, 3), periodStart: '2023-11-01', periodEnd: '2024-02-28' },
      importedAt: '2026-01-01T00:00:00.000Z',
    },
    'shopify',
    [order('1', '2023-11-05', 10_00), order('2', '2024-01-05', 20_00), order('3', '2026-02-05', 40_00)],
  );
  await importEntries(
    db,
    {
      id: IMPORT_B,
      provenance: fileProvenance(IMPORT_B, 2, 'recent.csv'),
      importedAt: '2026-10-01T00:00:00.000Z',
    },
    'shopify',
    [order('10', '2026-06-05', 50_00, IMPORT_B), order('11', '2026-10-05', 60_00, IMPORT_B)],
  );
  return { db, handlers };
}

describe('data retention, applied on the alarm tick', () => {
  it('deletes records older than the months the seller keeps, with their totals, keys and emptied imports', async () => {
    const now = { at: new Date('2026-11-29T12:00:00.000Z') };
    const { db, handlers } = await seller(now);
    await handlers.tick({}, ctx);
    expect(await db.count('chunks')).toBe(5); // no rule yet: nothing deleted

    const settings = await readSettings(db);
    await handlers.saveSettings(
      { ...settings, retention: { keepMonths: 12, deleteAfterIdleDays: null } },
      ctx,
    );
    await handlers.tick({}, ctx);

    const overview = await handlers.getOverview({}, ctx);
    expect(overview.months.map((m) => m.month)).toEqual(['2026-02', '2026-06', '2026-10']);
    expect(overview.orders).toBe(3);
    expect((await db.getAllKeys('chunks')).map((k) => k[1])).toEqual(['2026-02', '2026-06', '2026-10']);
    expect((await db.getAllKeys('dedupe')).every((k) => k[1] >= '2025-12')).toBe(true);
    // The old file keeps only its 2026 month, and no longer claims to cover the deleted ones.
    const old = await db.get('imports', IMPORT_A);
    expect(old?.months).toEqual(['2026-02']);
    expect(old?.provenance.periodStart).toBe('2025-12-01');
    expect(await db.get('imports', IMPORT_B)).toBeDefined();
    // The profile was recomputed without the deleted months.
    expect((await handlers.getProfile({}, ctx)).profile).toBeDefined();
    db.close();
  });

  it('an order whose twin was in a deleted month is stored when it comes again dated in the oldest kept month', async () => {
    const now = { at: new Date('2026-11-29T12:00:00.000Z') };
    const { db, handlers } = await seller(now);
    const file = (id: string, name: string) => ({
      id,
      provenance: fileProvenance(id, 1, name),
      importedAt: '2026-11-01T00:00:00.000Z',
    });
    // Order 7 from a settlement report that dates it on the last day of November 2025.
    await importEntries(db, file('c'.repeat(64), 'settlement.txt'), 'shopify', [
      order('7', '2025-11-30', 70_00, 'c'.repeat(64)),
    ]);
    await handlers.saveSettings(
      { ...(await readSettings(db)), retention: { keepMonths: 12, deleteAfterIdleDays: null } },
      ctx,
    );
    await handlers.tick({}, ctx); // November 2025 is deleted, its keys with it
    // The orders report dates it 1 December 2025, a kept month: nothing of it is stored any more.
    const again = await importEntries(db, file('d'.repeat(64), 'orders.csv'), 'shopify', [
      order('7', '2025-12-01', 70_00, 'd'.repeat(64)),
    ]);
    expect(again).toMatchObject({ added: 1, duplicates: 0 });
    const overview = await handlers.getOverview({}, ctx);
    expect(overview.months.map((m) => m.month)).toEqual(['2025-12', '2026-02', '2026-06', '2026-10']);
    db.close();
  });

  it('an import whose months are all too old is removed entirely', async () => {
    const now = { at: new Date('2026-11-29T12:00:00.000Z') };
    const { db, handlers } = await seller(now);
    await writeSettings(db, {
      ...(await readSettings(db)),
      retention: { keepMonths: 3, deleteAfterIdleDays: null },
    });
    await handlers.tick({}, ctx);
    expect(await db.get('imports', IMPORT_A)).toBeUndefined();
    expect((await db.get('imports', IMPORT_B))?.months).toEqual(['2026-10']);
    expect(await db.count('aggregates')).toBe(1);
    db.close();
  });

  it('deletes everything after the idle days the seller set, and nothing before', async () => {
    const now = { at: new Date('2026-11-29T12:00:00.000Z') };
    const { db, handlers } = await seller(now);
    await handlers.getOverview({}, ctx); // the seller opens Tradeline
    await handlers.saveSettings(
      { ...(await readSettings(db)), retention: { keepMonths: null, deleteAfterIdleDays: 90 } },
      ctx,
    );
    now.at = new Date(now.at.getTime() + 89 * DAY);
    await handlers.tick({}, ctx);
    expect(await db.count('chunks')).toBe(5);
    now.at = new Date(now.at.getTime() + 2 * DAY);
    await handlers.tick({}, ctx);
    for (const store of db.objectStoreNames) expect(await db.count(store), store).toBe(0);
    // Nothing is left to be a duplicate of: the old file imported again is stored whole.
    const again = await importEntries(
      db,
      { id: IMPORT_A, provenance: fileProvenance(IMPORT_A, 3), importedAt: now.at.toISOString() },
      'shopify',
      [order('1', '2023-11-05', 10_00), order('2', '2024-01-05', 20_00), order('3', '2026-02-05', 40_00)],
    );
    expect(again).toMatchObject({ added: 3, duplicates: 0 });
    db.close();
  });

  it('opening Tradeline resets the idle clock', async () => {
    const now = { at: new Date('2026-11-29T12:00:00.000Z') };
    const { db, handlers } = await seller(now);
    await handlers.saveSettings(
      { ...(await readSettings(db)), retention: { keepMonths: null, deleteAfterIdleDays: 30 } },
      ctx,
    );
    await handlers.getOverview({}, ctx);
    now.at = new Date(now.at.getTime() + 25 * DAY);
    await handlers.getOverview({}, ctx);
    now.at = new Date(now.at.getTime() + 25 * DAY);
    await handlers.tick({}, ctx);
    expect(await db.count('chunks')).toBe(5);
    expect((await readSettings(db)).lastUsedAt).toBe('2026-12-24T12:00:00.000Z');
    db.close();
  });
});
