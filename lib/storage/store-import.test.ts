import { describe, expect, it } from 'vitest';
import { fileProvenance, IMPORT_A, IMPORT_B, order } from '../../test/factories.ts';
import { openTradelineDb } from './db.ts';
import { listAggregates } from './overview-repo.ts';
import { storeImport } from './store-import.ts';

const NOW = new Date('2026-11-02T08:00:00.000Z');

describe('storeImport', () => {
  it('stores a batch and recomputes the stored profile for that day', async () => {
    const db = await openTradelineDb();
    const result = await storeImport(
      db,
      {
        provenance: fileProvenance(IMPORT_A, 2),
        platform: 'shopify',
        entries: [order('1', '2026-10-01', 10_00), order('2', '2026-10-02', 15_00)],
      },
      NOW,
    );
    expect(result).toMatchObject({ added: 2, duplicates: 0, months: ['2026-10'] });
    const [october] = await listAggregates(db);
    expect(october).toMatchObject({ orders: 2, grossSales: { USD: 25_00 } });
    expect(await db.get('profiles', 'current')).toMatchObject({
      asOf: '2026-11-02',
      computedAt: '2026-11-02T08:00:00.000Z',
    });
    expect((await db.get('imports', IMPORT_A))?.importedAt).toBe('2026-11-02T08:00:00.000Z');
    db.close();
  });

  it('leaves the profile alone when a batch adds nothing', async () => {
    const db = await openTradelineDb();
    const request = {
      provenance: fileProvenance(IMPORT_A, 1),
      platform: 'shopify' as const,
      entries: [order('1', '2026-10-01', 10_00)],
    };
    await storeImport(db, request, NOW);
    const later = new Date('2026-11-03T09:00:00.000Z');
    expect(await storeImport(db, request, later)).toMatchObject({ added: 0, duplicates: 1 });
    expect((await db.get('profiles', 'current'))?.computedAt).toBe('2026-11-02T08:00:00.000Z');
    db.close();
  });

  it('refuses a record of another import, storing nothing', async () => {
    const db = await openTradelineDb();
    await expect(
      storeImport(
        db,
        {
          provenance: fileProvenance(IMPORT_A, 2),
          platform: 'shopify',
          entries: [order('1', '2026-10-01', 10_00), order('2', '2026-10-02', 15_00, IMPORT_B)],
        },
        NOW,
      ),
    ).rejects.toThrow('Record shopify:order:2 does not belong to import');
    expect(await listAggregates(db)).toEqual([]);
    db.close();
  });
});
