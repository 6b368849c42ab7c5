import { describe, expect, it } from 'vitest';
import { fileProvenance, IMPORT_A, order, payout } from '../../test/factories.ts';
import { createClient } from '../messaging/client.ts';
import { createHandlers } from '../messaging/handlers.ts';
import { createRouter } from '../messaging/router.ts';
import { deleteAll, exportAll } from './data-repo.ts';
import { openTradelineDb } from './db.ts';
import { importEntries } from './ledger-repo.ts';
import { listAggregates, listImports, readSettings, writeSettings } from './overview-repo.ts';
import { CHUNK_SIZE } from './schema.ts';

const meta = (rows: number) => ({
  id: IMPORT_A,
  provenance: fileProvenance(IMPORT_A, rows),
  importedAt: '2026-11-02T08:00:00.000Z',
});

const CHANNEL = {
  id: 'test-lender',
  name: 'Test lender',
  model: 'platform-direct',
  provider: 'Test',
  description: '',
  countries: ['GB'],
  currencies: ['GBP'],
  acceptedSources: ['shopify'],
  eligibility: [],
  sizing: { currency: 'GBP', basis: 'avgMonthlySales', multiple: 1, min: 100, max: 1000 },
  pricing: {
    flatFeeRate: 0.1,
    annualInterestRate: 0,
    repayment: { style: 'percent-of-sales', holdbackRate: 0.1, maxTermMonths: 12 },
  },
  submission: { kind: 'link', url: 'https://lender.example/apply' },
  requiredFields: [],
  source: { url: 'https://lender.example/terms', checkedAt: '2026-10-01' },
  sandbox: false,
} as const;

describe('exportAll', () => {
  it('returns every store, with record chunks paged', async () => {
    const db = await openTradelineDb();
    const many = Array.from({ length: CHUNK_SIZE + 1 }, (_, i) => order(`o${i}`, '2026-05-10', 1_00));
    await importEntries(db, meta(many.length + 1), 'shopify', [...many, payout('p', '2026-06-01', 5_00)]);
    await writeSettings(db, {
      reportingCurrency: 'EUR',
      language: 'en',
      business: { legalName: 'Northwind' },
    });
    await db.put('channels', structuredClone(CHANNEL) as never);
    await db.put(
      'profiles',
      {
        currency: 'EUR',
        asOf: '2026-11-02',
        computedAt: '2026-11-02T00:00:00.000Z',
        profile: { score: 50, band: 'C' },
      },
      'current',
    );

    const first = await exportAll(db, { maxChunks: 2 });
    expect(first.databaseVersion).toBe(db.version);
    expect(first.chunks.map((c) => [c.month, c.seq, c.records.length])).toEqual([
      ['2026-05', 0, CHUNK_SIZE],
      ['2026-05', 1, 1],
    ]);
    expect(first.next).toEqual(['shopify', '2026-05', 1]);
    expect(first.stores?.imports).toEqual(await listImports(db));
    expect(first.stores?.aggregates).toEqual(await listAggregates(db));
    expect(first.stores?.dedupe).toHaveLength(2);
    expect(first.stores?.settings).toEqual([
      {
        key: 'general',
        value: { reportingCurrency: 'EUR', language: 'en', business: { legalName: 'Northwind' } },
      },
    ]);
    expect(first.stores?.profiles).toEqual([
      { key: 'current', value: expect.objectContaining({ currency: 'EUR' }) },
    ]);
    expect(first.stores?.channels).toEqual([CHANNEL]);
    expect(first.stores?.applications).toEqual([]);

    const second = await exportAll(db, { after: first.next ?? undefined, maxChunks: 2 });
    expect(second.stores).toBeUndefined();
    expect(second.chunks.map((c) => [c.month, c.seq, c.records.length])).toEqual([['2026-06', 0, 1]]);
    expect(second.next).toBeNull();
    db.close();
  });

  it('exports an empty database as empty stores', async () => {
    const db = await openTradelineDb();
    const page = await exportAll(db);
    expect(page.chunks).toEqual([]);
    expect(page.next).toBeNull();
    expect(page.stores?.imports).toEqual([]);
    db.close();
  });
});

describe('deleteAll', () => {
  it('clears every store, after which the same file imports again in full', async () => {
    const db = await openTradelineDb();
    const entries = [order('1', '2026-03-01', 10_00), payout('p1', '2026-04-01', 20_00)];
    await importEntries(db, meta(2), 'shopify', entries);
    await writeSettings(db, { reportingCurrency: 'GBP', language: 'zh_CN' });
    await db.put('channels', structuredClone(CHANNEL) as never);

    const cleared = await deleteAll(db);
    expect(cleared.sort()).toEqual([...db.objectStoreNames].sort());
    for (const name of db.objectStoreNames) expect(await db.count(name)).toBe(0);
    expect(await readSettings(db)).toEqual({ reportingCurrency: 'USD', language: 'auto' });

    const again = await importEntries(db, meta(2), 'shopify', entries);
    expect(again).toMatchObject({ added: 2, duplicates: 0 });
    expect((await listAggregates(db)).map((t) => [t.month, t.records])).toEqual([
      ['2026-03', 1],
      ['2026-04', 1],
    ]);
    db.close();
  });

  it('through the background: the overview is empty afterwards and a re-import works', async () => {
    const self = { id: 'tradelineextensionid', origin: 'chrome-extension://tradelineextensionid/' };
    const route = createRouter(createHandlers({ db: () => openTradelineDb(), version: '0' }), self);
    const client = createClient((message) =>
      route(message, { id: self.id, url: `${self.origin}options.html` }),
    );
    const request = {
      provenance: fileProvenance(IMPORT_A, 2),
      platform: 'shopify' as const,
      entries: [order('1', '2026-03-01', 10_00), order('2', '2026-04-01', 12_00)],
    };
    expect(await client.send('importEntries', request)).toMatchObject({ added: 2 });
    expect(await client.send('getOverview', {})).toMatchObject({ imports: 1, orders: 2 });

    await expect(client.send('deleteAll', { confirm: 'yes' as 'delete' })).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect((await client.send('deleteAll', { confirm: 'delete' })).cleared).toContain('chunks');
    expect(await client.send('getOverview', {})).toEqual({
      imports: 0,
      records: 0,
      orders: 0,
      firstMonth: null,
      lastMonth: null,
      platforms: [],
      months: [],
      settings: { reportingCurrency: 'USD', language: 'auto' },
      interrupted: [],
    });
    expect(await client.send('listImports', {})).toEqual([]);

    expect(await client.send('importEntries', request)).toMatchObject({ added: 2, duplicates: 0 });
    expect(await client.send('getOverview', {})).toMatchObject({
      imports: 1,
      orders: 2,
      firstMonth: '2026-03',
    });
  });

  it('through the background: removeImport deletes the records and recomputes the profile', async () => {
    const self = { id: 'tradelineextensionid', origin: 'chrome-extension://tradelineextensionid/' };
    const route = createRouter(createHandlers({ db: () => openTradelineDb(), version: '0' }), self);
    const client = createClient((message) =>
      route(message, { id: self.id, url: `${self.origin}options.html` }),
    );
    await client.send('importEntries', {
      provenance: fileProvenance(IMPORT_A, 1),
      platform: 'shopify',
      entries: [order('1', '2026-03-01', 10_00)],
    });
    expect(await client.send('removeImport', { importId: IMPORT_A })).toEqual({
      importId: IMPORT_A,
      removed: 1,
      months: ['2026-03'],
      reimport: [],
    });
    expect(await client.send('getOverview', {})).toMatchObject({ imports: 0, orders: 0 });
    const profile = await client.send('getProfile', {});
    expect(profile.profile).toMatchObject({ band: expect.any(String) });
    const page = await client.send('exportAll', {});
    expect(page.chunks).toEqual([]);
  });
});
