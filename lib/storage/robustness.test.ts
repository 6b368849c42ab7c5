import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileProvenance, IMPORT_A, IMPORT_B, order } from '../../test/factories.ts';
import type { LedgerEntry } from '../domain/records.ts';
import { createHandlers } from '../messaging/handlers.ts';
import { createRouter } from '../messaging/router.ts';
import { exportAll } from './data-repo.ts';
import { openTradelineDb, type TradelineDatabase } from './db.ts';
import { STORAGE_FULL_MESSAGE } from './errors.ts';
import { importEntries } from './ledger-repo.ts';

// Nothing lost: an import is all or nothing, a damaged value is set aside (not fatal), and a
// full disk says what to do.

const self = { id: 'tradeline', origin: 'chrome-extension://tradeline/' };
const page = { id: 'tradeline', url: 'chrome-extension://tradeline/options.html' };
const send = (route: ReturnType<typeof createRouter>, type: string, data: unknown = {}) =>
  route({ channel: 'tradeline/v1', type, data }, page);

const meta = (id: string, rows: number) => ({
  id,
  provenance: fileProvenance(id, rows),
  importedAt: '2026-11-29T10:00:00.000Z',
});

async function counts(db: TradelineDatabase) {
  const [imports, chunks, dedupe, aggregates] = await Promise.all([
    db.count('imports'),
    db.count('chunks'),
    db.count('dedupe'),
    db.count('aggregates'),
  ]);
  return { imports, chunks, dedupe, aggregates };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an import is all or nothing', () => {
  it('a failure in the middle of the transaction leaves no part of the import and keeps earlier data', async () => {
    const db = await openTradelineDb();
    await importEntries(db, meta(IMPORT_A, 2), 'shopify', [
      order('1', '2026-01-05', 10_00),
      order('2', '2026-02-05', 20_00),
    ]);
    const before = await counts(db);
    const exportBefore = JSON.stringify(await exportAll(db));
    // Three months; the second month's chunk cannot be stored (a value IndexedDB cannot clone),
    // after the first month's chunk, keys and totals were already written in the transaction.
    const poisoned = {
      ...order('21', '2026-04-02', 5_00, IMPORT_B),
      note: () => 'not storable',
    } as unknown as LedgerEntry;
    const entries = [
      order('20', '2026-03-01', 5_00, IMPORT_B),
      poisoned,
      order('22', '2026-05-03', 5_00, IMPORT_B),
    ];
    await expect(importEntries(db, meta(IMPORT_B, 3), 'shopify', entries)).rejects.toThrow();
    expect(await counts(db)).toEqual(before);
    expect(await db.get('imports', IMPORT_B)).toBeUndefined();
    expect(await db.get('aggregates', ['shopify', '2026-03'])).toBeUndefined();
    expect(JSON.stringify(await exportAll(db))).toBe(exportBefore);

    // Done again with good data, everything is stored once.
    const fixed = [entries[0], order('21', '2026-04-02', 5_00, IMPORT_B), entries[2]] as LedgerEntry[];
    expect(await importEntries(db, meta(IMPORT_B, 3), 'shopify', fixed)).toMatchObject({
      added: 3,
      duplicates: 0,
    });
    expect(await importEntries(db, meta(IMPORT_B, 3), 'shopify', fixed)).toMatchObject({
      added: 0,
      duplicates: 3,
    });
    expect((await counts(db)).chunks).toBe(5);
    db.close();
  });

  it('a batched import cut off half-way, then imported again, holds every record exactly once', async () => {
    const db = await openTradelineDb();
    const file = Array.from({ length: 30 }, (_, i) =>
      order(String(100 + i), `2026-0${1 + (i % 6)}-1${i % 9}`, 1_00 + i),
    );
    // The options page sends batches of one file; the browser closes after two of three.
    await importEntries(db, meta(IMPORT_A, 30), 'shopify', file.slice(0, 10));
    await importEntries(db, meta(IMPORT_A, 30), 'shopify', file.slice(10, 20));
    // The seller drops the same file again: the whole file, in batches again.
    let added = 0;
    let duplicates = 0;
    for (const batch of [file.slice(0, 10), file.slice(10, 20), file.slice(20)]) {
      const r = await importEntries(db, meta(IMPORT_A, 30), 'shopify', batch);
      added += r.added;
      duplicates += r.duplicates;
    }
    expect({ added, duplicates }).toEqual({ added: 10, duplicates: 20 });
    const aggregates = await db.getAll('aggregates');
    expect(aggregates.reduce((n, a) => n + a.orders, 0)).toBe(30);
    expect(aggregates.reduce((n, a) => n + (a.grossSales.USD ?? 0), 0)).toBe(
      file.reduce((n, e) => n + (e.kind === 'order' ? e.gross.amount : 0), 0),
    );
    db.close();
  });
});

describe('a damaged stored value is set aside, not fatal', () => {
  it('the overview, profile, applications and catalog still open; the damage is listed and exported', async () => {
    const db = await openTradelineDb();
    await importEntries(db, meta(IMPORT_A, 2), 'shopify', [
      order('1', '2026-01-05', 10_00),
      order('2', '2026-02-05', 20_00),
    ]);
    // Damage as a bug, a downgrade or a bad disk would leave it.
    const feb = await db.get('aggregates', ['shopify', '2026-02']);
    await db.put('aggregates', { ...feb, orders: 'many' } as never);
    await db.put('imports', { id: IMPORT_B, importedAt: 42 } as never);
    await db.put('settings', { reportingCurrency: 12, language: 'klingon' } as never, 'general');
    await db.put('applications', { id: 'sub:broken', submissionId: 'sub' } as never);
    await db.put('channels', { id: 'half-a-channel' } as never);

    const route = createRouter(createHandlers({ db: async () => db, version: 't' }), self);
    const overview = await send(route, 'getOverview');
    expect(overview).toMatchObject({
      ok: true,
      data: { imports: 1, orders: 1, settings: { reportingCurrency: 'USD' } },
    });
    expect((await send(route, 'getProfile')).ok).toBe(true);
    expect(await send(route, 'listApplications')).toEqual({ ok: true, data: [] });
    const offers = await send(route, 'getOffers');
    expect(offers.ok).toBe(true);

    const listed = await send(route, 'listQuarantine');
    expect(listed.ok).toBe(true);
    const found = (listed as { data: { store: string; key: string; problem: string }[] }).data;
    expect(found.map((q) => [q.store, q.key]).sort()).toEqual([
      ['aggregates', 'shopify / 2026-02'],
      ['applications', 'sub:broken'],
      ['channels', 'half-a-channel'],
      ['imports', IMPORT_B],
      ['settings', 'general'],
    ]);
    expect(found.find((q) => q.store === 'aggregates')?.problem).toMatch(/^orders: /);
    // Moved, not copied: the stores no longer hold them, a second read finds nothing new.
    expect(await db.get('aggregates', ['shopify', '2026-02'])).toBeUndefined();
    await send(route, 'getOverview');
    expect(await db.count('quarantine')).toBe(5);
    // The export still carries the damaged values as they were.
    const exported = await exportAll(db);
    expect(exported.stores?.quarantine).toHaveLength(5);
    expect(JSON.stringify(exported.stores?.quarantine)).toContain('"orders":"many"');
    db.close();
  });
});

describe('a full disk or quota', () => {
  it('is reported with what to do, and stores nothing', async () => {
    const db = await openTradelineDb();
    const route = createRouter(createHandlers({ db: async () => db, version: 't' }), self);
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'chunks')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
    const reply = await send(route, 'importEntries', {
      provenance: fileProvenance(IMPORT_A, 1),
      platform: 'shopify',
      entries: [order('1', '2026-01-05', 10_00)],
    });
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: STORAGE_FULL_MESSAGE } });
    expect(STORAGE_FULL_MESSAGE).toMatch(/Free some disk space, or remove old imports/);
    vi.restoreAllMocks();
    expect(await counts(db)).toEqual({ imports: 0, chunks: 0, dedupe: 0, aggregates: 0 });
    db.close();
  });

  it('a transaction the browser aborts for quota is reported the same way', async () => {
    const { storageError } = await import('./errors.ts');
    const aborted = Object.assign(new DOMException('Transaction aborted', 'AbortError'), {
      error: new DOMException('Quota exceeded', 'QuotaExceededError'),
    });
    expect(storageError(aborted).message).toBe(STORAGE_FULL_MESSAGE);
    expect(storageError(new Error('other')).message).toBe('other');
  });
});
