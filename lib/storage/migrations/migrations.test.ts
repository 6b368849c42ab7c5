import { describe, expect, it } from 'vitest';
import { fileProvenance, IMPORT_A, IMPORT_B, order, payout } from '../../../test/factories.ts';
import { storedChunk, storedChunks } from '../../../test/stored-chunks.ts';
import type { LedgerEntry } from '../../domain/records.ts';
import { addEntry, emptyAggregate } from '../aggregate.ts';
import { exportAll } from '../data-repo.ts';
import { openTradelineDb } from '../db.ts';
import { keysOf } from '../dedupe-keys.ts';
import { removeImport } from '../imports-repo.ts';
import { rollBackInterrupted } from '../interrupted.ts';
import { importEntries } from '../ledger-repo.ts';
import { listQuarantine } from '../quarantine.ts';
import { LATEST_VERSION, MIGRATIONS } from './all.ts';

describe('migrations', () => {
  it('are numbered 1..n without gaps, each in its own zero-padded file', async () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(
      Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1),
    );
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    const files = Object.keys(import.meta.glob('./[0-9][0-9][0-9]-*.ts'));
    expect(files).toHaveLength(MIGRATIONS.length);
    MIGRATIONS.forEach((m, i) => {
      expect(files[i]).toBe(`./${String(m.version).padStart(3, '0')}-${m.name}.ts`);
    });
  });

  it('001 creates the imports, chunks and dedupe stores', async () => {
    const db = await openTradelineDb({ version: 1 });
    expect([...db.objectStoreNames].sort()).toEqual(['chunks', 'dedupe', 'imports']);
    db.close();
  });

  it('upgrading from version 1 keeps every record and backfills the monthly totals (002)', async () => {
    const v1 = await openTradelineDb({ version: 1 });
    const jan = [order('1001', '2026-01-05', 12_50), order('1002', '2026-01-20', 30_00)];
    const feb = [order('1003', '2026-02-02', 99_99), payout('p1', '2026-02-10', 40_00)];
    await v1.put('imports', {
      id: IMPORT_A,
      provenance: fileProvenance(IMPORT_A, 4),
      importedAt: '2026-11-01T10:00:00.000Z',
      platform: 'shopify',
      added: 4,
      duplicates: 0,
      months: ['2026-01', '2026-02'],
    });
    await v1.put('chunks', { platform: 'shopify', month: '2026-01', seq: 0, records: jan });
    await v1.put('chunks', { platform: 'shopify', month: '2026-02', seq: 0, records: feb });
    // Version 1's shape: an array of keys (one string since 009).
    await v1.put('dedupe', { platform: 'shopify', month: '2026-01', keys: jan.map((e) => e.key) } as never);
    v1.close();

    const db = await openTradelineDb();
    expect(db.version).toBe(LATEST_VERSION);
    expect(await db.count('imports')).toBe(1);
    expect((await storedChunk(db, ['shopify', '2026-01', 0]))?.records).toEqual(jan);
    expect((await storedChunk(db, ['shopify', '2026-02', 0]))?.records).toEqual(feb);
    expect((await db.get('dedupe', ['shopify', '2026-01']))?.keys).toBe(
      'shopify:order:1001\nshopify:order:1002',
    );
    const janTotals = await db.get('aggregates', ['shopify', '2026-01']);
    expect(janTotals).toMatchObject({ orders: 2, records: 2, grossSales: { USD: 42_50 } });
    const febTotals = await db.get('aggregates', ['shopify', '2026-02']);
    expect(febTotals).toMatchObject({
      orders: 1,
      records: 2,
      grossSales: { USD: 99_99 },
      payouts: { USD: 40_00 },
    });
    expect(await db.get('settings', 'general')).toEqual({ reportingCurrency: 'USD', language: 'auto' });
    db.close();
  });

  it('upgrading from version 1 with a damaged chunk still opens; the chunk is left out of the totals and set aside when read', async () => {
    const v1 = await openTradelineDb({ version: 1 });
    const jan = [order('1001', '2026-01-05', 12_50)];
    await v1.put('imports', {
      id: IMPORT_A,
      provenance: fileProvenance(IMPORT_A, 2),
      importedAt: '2026-11-01T10:00:00.000Z',
      platform: 'shopify',
      added: 2,
      duplicates: 0,
      months: ['2026-01', '2026-02'],
    });
    await v1.put('chunks', { platform: 'shopify', month: '2026-01', seq: 0, records: jan });
    await v1.put('chunks', { platform: 'shopify', month: '2026-02', seq: 0, records: 'garbage' } as never);
    v1.close();

    const db = await openTradelineDb();
    expect(db.version).toBe(LATEST_VERSION);
    expect(await db.get('aggregates', ['shopify', '2026-01'])).toMatchObject({
      orders: 1,
      grossSales: { USD: 12_50 },
    });
    expect(await db.get('aggregates', ['shopify', '2026-02'])).toBeUndefined();
    const page = await exportAll(db);
    expect(page.chunks.map((c) => c.month)).toEqual(['2026-01']);
    expect(page.stores?.quarantine).toEqual([expect.objectContaining({ key: 'shopify / 2026-02 / 0' })]);
    db.close();
  });

  it('upgrading from version 2 keeps records and totals and adds default settings (003)', async () => {
    const v2 = await openTradelineDb({ version: 2 });
    const records = [order('2001', '2025-12-24', 5_00)];
    await v2.put('chunks', { platform: 'shopify', month: '2025-12', seq: 0, records });
    await v2.put('aggregates', {
      platform: 'shopify',
      month: '2025-12',
      records: 1,
      orders: 1,
      grossSales: { USD: 5_00 },
      refunds: {},
      fees: {},
      payouts: {},
      chargebacks: {},
      reserves: {},
      adjustments: {},
      payoutDates: [],
    });
    v2.close();

    const db = await openTradelineDb();
    expect((await storedChunk(db, ['shopify', '2025-12', 0]))?.records).toEqual(records);
    expect(await db.get('aggregates', ['shopify', '2025-12'])).toMatchObject({ grossSales: { USD: 5_00 } });
    expect(await db.get('settings', 'general')).toEqual({ reportingCurrency: 'USD', language: 'auto' });
    db.close();
  });

  it('upgrading from version 3 adds payout dates to the monthly totals and a profile store (004)', async () => {
    const v3 = await openTradelineDb({ version: 3 });
    const records = [
      order('3001', '2026-03-02', 10_00),
      payout('p9', '2026-03-15', 9_00),
      payout('p8', '2026-03-01', 1_00),
    ];
    await v3.put('chunks', { platform: 'shopify', month: '2026-03', seq: 0, records });
    const { payoutDates: _none, ...oldShape } = {
      platform: 'shopify' as const,
      month: '2026-03',
      records: 3,
      orders: 1,
      grossSales: { USD: 10_00 },
      refunds: {},
      fees: {},
      payouts: { USD: 10_00 },
      chargebacks: {},
      reserves: {},
      adjustments: {},
      payoutDates: [],
    };
    await v3.put('aggregates', oldShape as never);
    await v3.put('settings', { reportingCurrency: 'EUR', language: 'zh_CN' }, 'general');
    v3.close();

    const db = await openTradelineDb();
    expect(await db.get('aggregates', ['shopify', '2026-03'])).toMatchObject({
      grossSales: { USD: 10_00 },
      payouts: { USD: 10_00 },
      payoutDates: ['2026-03-01', '2026-03-15'],
      lastDate: '2026-03-15',
    });
    expect((await storedChunk(db, ['shopify', '2026-03', 0]))?.records).toEqual(records);
    expect(await db.get('settings', 'general')).toEqual({ reportingCurrency: 'EUR', language: 'zh_CN' });
    expect(await db.count('profiles')).toBe(0);
    db.close();
  });

  it('upgrading from version 4 keeps the stored profile and adds the applications store (005)', async () => {
    const v4 = await openTradelineDb({ version: 4 });
    const stored = {
      currency: 'USD',
      asOf: '2026-11-01',
      computedAt: '2026-11-01T00:00:00.000Z',
      profile: { score: 61, band: 'C' as const },
    };
    await v4.put('profiles', stored, 'current');
    await v4.put('chunks', {
      platform: 'shopify',
      month: '2026-10',
      seq: 0,
      records: [order('4001', '2026-10-02', 7_00)],
    });
    v4.close();

    const db = await openTradelineDb();
    expect(await db.get('profiles', 'current')).toEqual(stored);
    expect((await storedChunk(db, ['shopify', '2026-10', 0]))?.records).toHaveLength(1);
    expect(await db.count('applications')).toBe(0);
    expect([...db.transaction('applications').store.indexNames]).toEqual(['bySubmission']);
    db.close();
  });

  it('upgrading from version 5 keeps applications and adds the channels store (006)', async () => {
    const v5 = await openTradelineDb({ version: 5 });
    await v5.put('applications', { id: 's:c', submissionId: 's' } as never);
    v5.close();
    const db = await openTradelineDb();
    expect(await db.get('applications', 's:c')).toEqual({ id: 's:c', submissionId: 's' });
    expect(await db.count('channels')).toBe(0);
    db.close();
  });

  it('upgrading from version 6 turns the old default language into auto and keeps a chosen one (007)', async () => {
    const v6 = await openTradelineDb({ version: 6 });
    await v6.put(
      'settings',
      { reportingCurrency: 'GBP', language: 'en', business: { legalName: 'Acme' } },
      'general',
    );
    v6.close();
    let db = await openTradelineDb();
    expect(await db.get('settings', 'general')).toEqual({
      reportingCurrency: 'GBP',
      language: 'auto',
      business: { legalName: 'Acme' },
    });
    db.close();
    indexedDB.deleteDatabase('tradeline');
    const chosen = await openTradelineDb({ name: 'chosen', version: 6 });
    await chosen.put('settings', { reportingCurrency: 'CNY', language: 'zh_CN' }, 'general');
    chosen.close();
    db = await openTradelineDb({ name: 'chosen' });
    expect(await db.get('settings', 'general')).toEqual({ reportingCurrency: 'CNY', language: 'zh_CN' });
    db.close();
  });

  it('upgrading from version 7 keeps the added channels and adds the quarantine store (008)', async () => {
    const v7 = await openTradelineDb({ version: 7 });
    await v7.put('channels', { id: 'my-lender', name: 'My lender' } as never);
    v7.close();
    const db = await openTradelineDb();
    expect(await db.get('channels', 'my-lender')).toEqual({ id: 'my-lender', name: 'My lender' });
    expect(await db.count('quarantine')).toBe(0);
    const id = await db.add('quarantine', {
      store: 'imports',
      key: 'x',
      problem: 'p',
      quarantinedAt: '2026-11-29T00:00:00.000Z',
      value: 1,
    } as never);
    expect(id).toBe(1);
    db.close();
  });

  it('upgrading from every earlier version joins each month dedupe keys into one string, and dedupe stays exact (009)', async () => {
    // Keys come from report cells: one with a line break and one with a backslash must survive.
    const odd = [order('a\nb', '2026-05-02', 1_00), order('c\\nd', '2026-05-03', 2_00)];
    const plain = [order('5001', '2026-05-04', 3_00), order('5002', '2026-06-01', 4_00)];
    for (const from of MIGRATIONS.map((m) => m.version).filter((v) => v < 9)) {
      const name = `dedupe-from-${from}`;
      const old = await openTradelineDb({ name, version: from });
      const may = [...odd, plain[0]] as LedgerEntry[];
      // The shape every version before 009 stored: an array of keys.
      await old.put('dedupe', {
        platform: 'shopify',
        month: '2026-05',
        keys: may.map((e) => e.key),
      } as never);
      await old.put('dedupe', { platform: 'shopify', month: '2026-06', keys: [plain[1]?.key] } as never);
      await old.put('dedupe', { platform: 'shopify', month: '2026-07', keys: [] } as never);
      old.close();

      const db = await openTradelineDb({ name });
      expect(db.version, `from version ${from}`).toBe(LATEST_VERSION);
      const stored = await db.get('dedupe', ['shopify', '2026-05']);
      expect(stored?.keys, `from version ${from}`).toBe(
        'shopify:order:a\\nb\nshopify:order:c\\\\nd\nshopify:order:5001',
      );
      expect(keysOf(stored?.keys ?? '')).toEqual(may.map((e) => e.key));
      expect((await db.get('dedupe', ['shopify', '2026-06']))?.keys).toBe('shopify:order:5002');
      expect((await db.get('dedupe', ['shopify', '2026-07']))?.keys).toBe('');

      // The same records again (and a new one) after the upgrade: only the new one is added.
      const again = [...odd, ...plain, order('5003', '2026-05-09', 5_00)].map((e) => ({
        ...e,
        importId: IMPORT_A,
      }));
      const result = await importEntries(
        db,
        {
          id: IMPORT_A,
          provenance: fileProvenance(IMPORT_A, again.length),
          importedAt: '2026-11-01T00:00:00.000Z',
        },
        'shopify',
        again,
      );
      expect(result, `from version ${from}`).toMatchObject({ added: 1, duplicates: 4 });
      expect(keysOf((await db.get('dedupe', ['shopify', '2026-05']))?.keys ?? '')).toEqual([
        ...may.map((e) => e.key),
        'shopify:order:5003',
      ]);
      db.close();
    }
  });

  it('upgrading from version 8 with a damaged chunk, damaged keys and a storing import: it opens, the rollback and the next import dedupe exactly (009)', async () => {
    const IMPORT_B = 'b'.repeat(64);
    const jan = [order('1001', '2026-01-05', 10_00)];
    const febA = [order('2001', '2026-02-03', 20_00), order('2002', '2026-02-04', 30_00)];
    const lost = [order('2003', '2026-02-20', 40_00)];
    const febB = [order('b1', '2026-02-10', 5_00, IMPORT_B)];
    const mar = [order('3001', '2026-03-01', 7_00)];
    const totals = (records: readonly LedgerEntry[], month: string) => {
      const agg = emptyAggregate('shopify', month);
      for (const r of records) addEntry(agg, r);
      return agg;
    };
    const v8 = await openTradelineDb({ name: 'v8-damaged', version: 8 });
    await v8.put('imports', {
      id: IMPORT_A,
      provenance: fileProvenance(IMPORT_A, 5, 'a.csv'),
      importedAt: '2026-11-01T10:00:00.000Z',
      platform: 'shopify',
      added: 5,
      duplicates: 0,
      months: ['2026-01', '2026-02', '2026-03'],
      state: 'complete',
    });
    // A file whose worker died after its first batch: its totals wait in its record.
    await v8.put('imports', {
      id: IMPORT_B,
      provenance: fileProvenance(IMPORT_B, 9, 'b.csv'),
      importedAt: '2026-11-02T10:00:00.000Z',
      platform: 'shopify',
      added: 1,
      duplicates: 0,
      months: ['2026-02'],
      state: 'storing',
      pending: [totals(febB, '2026-02')],
    });
    await v8.put('chunks', { platform: 'shopify', month: '2026-01', seq: 0, records: jan });
    await v8.put('chunks', { platform: 'shopify', month: '2026-02', seq: 0, records: [...febA, ...febB] });
    await v8.put('chunks', { platform: 'shopify', month: '2026-02', seq: 1, records: 'garbage' } as never);
    await v8.put('chunks', { platform: 'shopify', month: '2026-03', seq: 0, records: mar });
    const arrayOf = (records: readonly LedgerEntry[]) => records.map((r) => r.key);
    await v8.put('dedupe', { platform: 'shopify', month: '2026-01', keys: arrayOf(jan) } as never);
    await v8.put('dedupe', {
      platform: 'shopify',
      month: '2026-02',
      keys: arrayOf([...febA, ...febB, ...lost]),
    } as never);
    await v8.put('dedupe', { platform: 'shopify', month: '2026-03', keys: 7 } as never);
    await v8.put('aggregates', totals(jan, '2026-01'));
    await v8.put('aggregates', totals([...febA, ...lost], '2026-02'));
    await v8.put('aggregates', totals(mar, '2026-03'));
    v8.close();

    const db = await openTradelineDb({ name: 'v8-damaged' });
    expect(db.version).toBe(LATEST_VERSION);
    expect((await db.get('dedupe', ['shopify', '2026-01']))?.keys).toBe('shopify:order:1001');
    expect(keysOf((await db.get('dedupe', ['shopify', '2026-02']))?.keys ?? '')).toEqual(
      arrayOf([...febA, ...febB, ...lost]),
    );
    // Left as it was (not an array): set aside when it is read.
    expect((await db.get('dedupe', ['shopify', '2026-03']))?.keys).toBe(7);

    // The dead import is rolled back: its record and key go, the damaged chunk is set aside and
    // February's keys and totals are rebuilt from what is left.
    const now = new Date('2026-11-29T10:00:00.000Z');
    expect(await rollBackInterrupted(db, undefined, now)).toEqual([
      { importId: IMPORT_B, name: 'b.csv', removed: 1 },
    ]);
    expect((await db.get('dedupe', ['shopify', '2026-02']))?.keys).toBe(arrayOf(febA).join('\n'));
    expect(await db.get('aggregates', ['shopify', '2026-02'])).toEqual(totals(febA, '2026-02'));

    // File A again: only the record of the damaged chunk is added; March's damaged keys are
    // rebuilt from its records, so its order is a duplicate.
    const result = await importEntries(
      db,
      {
        id: IMPORT_A,
        provenance: fileProvenance(IMPORT_A, 5, 'a.csv'),
        importedAt: '2026-11-29T10:00:00.000Z',
      },
      'shopify',
      [...jan, ...febA, ...lost, ...mar],
      undefined,
      now,
    );
    expect(result).toMatchObject({ added: 1, duplicates: 4 });
    expect((await db.get('dedupe', ['shopify', '2026-02']))?.keys).toBe(
      arrayOf([...febA, ...lost]).join('\n'),
    );
    expect((await db.get('dedupe', ['shopify', '2026-03']))?.keys).toBe('shopify:order:3001');
    expect(await db.get('aggregates', ['shopify', '2026-02'])).toEqual(totals([...febA, ...lost], '2026-02'));
    expect((await listQuarantine(db)).map((q) => [q.store, q.key]).sort()).toEqual([
      ['chunks', 'shopify / 2026-02 / 1'],
      ['dedupe', 'shopify / 2026-03'],
    ]);
    db.close();
  });

  it('upgrading from version 9 adds the revisions store, empty: the first import reads the stored keys and dedupes exactly (010)', async () => {
    const old = await openTradelineDb({ name: 'revision-from-9', version: 9 });
    await old.put('dedupe', {
      platform: 'shopify',
      month: '2026-05',
      keys: 'shopify:order:1\nshopify:order:2',
    });
    old.close();
    const db = await openTradelineDb({ name: 'revision-from-9' });
    expect(db.version).toBe(LATEST_VERSION);
    expect(await db.count('revisions')).toBe(0);
    const meta = {
      id: IMPORT_A,
      provenance: fileProvenance(IMPORT_A, 3),
      importedAt: '2026-11-01T00:00:00.000Z',
    };
    const result = await importEntries(db, meta, 'shopify', [
      order('1', '2026-05-01', 1_00),
      order('2', '2026-05-02', 2_00),
      order('3', '2026-05-03', 3_00),
    ]);
    expect(result).toMatchObject({ added: 1, duplicates: 2 });
    // The import wrote its token: a later batch in this context may reuse what it knew.
    expect(await db.get('revisions', 'dedupe')).toMatch(/^[0-9a-f-]{36}$/);
    db.close();
  });

  it('upgrading from version 10 moves every chunk, a damaged one too, under its key to a store without a key path; import and removal go on exactly (011)', async () => {
    const jan = [order('1001', '2026-01-05', 10_00), order('1002', '2026-01-06', 20_00)];
    const feb = [order('2001', '2026-02-03', 30_00)];
    const old = await openTradelineDb({ name: 'chunks-from-10', version: 10 });
    await old.put('chunks', { platform: 'shopify', month: '2026-01', seq: 0, records: jan });
    await old.put('chunks', { platform: 'shopify', month: '2026-02', seq: 0, records: feb });
    await old.put('chunks', { platform: 'shopify', month: '2026-02', seq: 1, records: 'garbage' } as never);
    await old.put('dedupe', {
      platform: 'shopify',
      month: '2026-01',
      keys: jan.map((e) => e.key).join('\n'),
    });
    await old.put('dedupe', {
      platform: 'shopify',
      month: '2026-02',
      keys: feb.map((e) => e.key).join('\n'),
    });
    const before = await old.getAll('chunks');
    old.close();

    const db = await openTradelineDb({ name: 'chunks-from-10' });
    expect(db.version).toBe(LATEST_VERSION);
    expect(db.transaction('chunks').store.keyPath).toBeNull();
    expect([...db.objectStoreNames]).not.toContain('chunks-with-key-path');
    expect(await db.getAllKeys('chunks')).toEqual([
      ['shopify', '2026-01', 0],
      ['shopify', '2026-02', 0],
      ['shopify', '2026-02', 1],
    ]);
    expect(await storedChunks(db)).toEqual(before);

    // The same orders and a new one: only the new one is added, to the month's last usable chunk
    // (the damaged one is set aside when the import reads it).
    const result = await importEntries(
      db,
      { id: IMPORT_B, provenance: fileProvenance(IMPORT_B, 4), importedAt: '2026-11-01T00:00:00.000Z' },
      'shopify',
      [...jan, ...feb, order('2002', '2026-02-04', 40_00)].map((e) => ({ ...e, importId: IMPORT_B })),
    );
    expect(result).toMatchObject({ added: 1, duplicates: 3 });
    const febKeys = async () =>
      (await storedChunks(db, IDBKeyRange.bound(['shopify', '2026-02', 0], ['shopify', '2026-02', 9])))
        .flatMap((c) => c.records)
        .map((r) => r.key);
    expect(await febKeys()).toEqual(['shopify:order:2001', 'shopify:order:2002']);
    expect((await listQuarantine(db)).map((q) => q.key)).toEqual(['shopify / 2026-02 / 1']);
    // Removing the import repacks the month's chunks under their keys.
    await removeImport(db, IMPORT_B);
    expect(await febKeys()).toEqual(['shopify:order:2001']);
    expect(await db.getAllKeys('chunks')).toEqual([
      ['shopify', '2026-01', 0],
      ['shopify', '2026-02', 0],
    ]);
    db.close();
  });

  it('upgrading from version 11 indexes the imports by state: the one still storing is found (012)', async () => {
    const old = await openTradelineDb({ name: 'by-state-from-11', version: 11 });
    const record = (id: string, state: 'storing' | 'complete' | undefined) => ({
      id,
      provenance: fileProvenance(id, 1),
      importedAt: '2026-11-01T00:00:00.000Z',
      platform: 'shopify' as const,
      added: 1,
      duplicates: 0,
      months: ['2026-05'],
      ...(state ? { state } : {}),
    });
    await old.put('imports', record(IMPORT_A, 'storing'));
    await old.put('imports', record(IMPORT_B, 'complete'));
    await old.put('imports', record('c'.repeat(64), undefined));
    old.close();
    const db = await openTradelineDb({ name: 'by-state-from-11' });
    expect(db.version).toBe(LATEST_VERSION);
    expect((await db.getAllFromIndex('imports', 'byState', 'storing')).map((i) => i.id)).toEqual([IMPORT_A]);
    expect((await db.getAllFromIndex('imports', 'byState', 'complete')).map((i) => i.id)).toEqual([IMPORT_B]);
    db.close();
  });

  it('upgrading from every earlier version reaches the latest with every store', async () => {
    for (let from = 1; from < LATEST_VERSION; from++) {
      const name = `upgrade-from-${from}`;
      (await openTradelineDb({ name, version: from })).close();
      const db = await openTradelineDb({ name });
      expect(db.version).toBe(LATEST_VERSION);
      expect(db.objectStoreNames.length, `from version ${from}`).toBe(10);
      expect(db.transaction('chunks').store.keyPath, `from version ${from}`).toBeNull();
      db.close();
    }
  });

  it('a fresh install at the latest version has every store', async () => {
    const db = await openTradelineDb();
    expect([...db.objectStoreNames].sort()).toEqual([
      'aggregates',
      'applications',
      'channels',
      'chunks',
      'dedupe',
      'imports',
      'profiles',
      'quarantine',
      'revisions',
      'settings',
    ]);
    db.close();
  });
});
