import { describe, expect, it } from 'vitest';
import { IMPORT_A, IMPORT_B, order, payout } from '../../test/factories.ts';
import { Money } from '../domain/money.ts';
import { LedgerEntry, type RecordChunk } from '../domain/records.ts';
import { chunkProblem } from './chunk-check.ts';
import { chunkOf, MONEY_READERS, READERS, toColumns } from './chunk-columns.ts';
import { openTradelineDb } from './db.ts';
import { importEntries, readMonth } from './ledger-repo.ts';
import { listQuarantine } from './quarantine.ts';

const base = { platform: 'shopify' as const, date: '2026-05-04', importId: IMPORT_A };
/** One record of every kind, optional fields present and absent, mixed in one chunk. */
const everyKind: LedgerEntry[] = [
  order('1001', '2026-05-01', 25_00),
  {
    ...order('1002', '2026-05-02', 9_99, IMPORT_B),
    status: 'cancelled',
    marketplace: 'Zoë’s shop ✓',
    row: 7,
  } as LedgerEntry,
  {
    ...base,
    kind: 'refund',
    key: 'shopify:refund:1001',
    orderId: '1001',
    amount: { amount: 5_00, currency: 'USD' },
  },
  {
    ...base,
    kind: 'fee',
    key: 'shopify:fee:1001:Transaction',
    amount: { amount: -30, currency: 'EUR' },
    feeType: 'Transaction',
  },
  payout('p1', '2026-05-05', 100_00),
  { ...payout('p2', '2026-05-06', 50_00), status: 'pending', payoutId: 'PO-2' } as LedgerEntry,
  { ...base, kind: 'chargeback', key: 'shopify:chargeback:1', amount: { amount: 12_00, currency: 'USD' } },
  { ...base, kind: 'reserve', key: 'shopify:reserve:1', amount: { amount: -3_00, currency: 'USD' } },
  {
    ...base,
    kind: 'adjustment',
    key: 'shopify:adjustment:1',
    amount: { amount: 1, currency: 'JPY' },
    description: 'Line\nbreak \\ kept',
  },
];
const chunk: RecordChunk = { platform: 'shopify', month: '2026-05', seq: 3, records: everyKind };

/** A chunk stored and read back, through the structured clone as IndexedDB does. */
const roundTrip = (records: unknown[]): unknown[] =>
  (chunkOf(structuredClone(toColumns({ ...chunk, records: records as LedgerEntry[] }))) as RecordChunk)
    .records;

/** 10,000 orders of one import in one month, as a settlement file gives them. */
const month: LedgerEntry[] = Array.from({ length: 10_000 }, (_, i) => ({
  ...order(`111-${String(i).padStart(7, '0')}`, `2026-05-${String(1 + (i % 28)).padStart(2, '0')}`, 1_00 + i),
  row: i + 2,
}));

describe('chunk columns', () => {
  it('read back as the very records of every kind, optional fields absent where they were', () => {
    const back = chunkOf(structuredClone(toColumns(chunk))) as RecordChunk;
    expect(back).toEqual(chunk);
    expect(chunkProblem(back, ['shopify', '2026-05', 3])).toBeNull();
    expect(back.records[0]).not.toHaveProperty('marketplace');
    expect(back.records[1]).toMatchObject({ marketplace: 'Zoë’s shop ✓', row: 7 });
    expect(back.records[8]).toMatchObject({ description: 'Line\nbreak \\ kept' });
  });

  it('store what every record shares once, a month of dates as one byte each, keys as one string', () => {
    const stored = toColumns({ ...chunk, records: month });
    const column = (field: string | string[]) =>
      stored.columns[stored.fields.findIndex((f) => JSON.stringify(f) === JSON.stringify(field))];
    expect(stored).not.toHaveProperty('records');
    expect(stored.count).toBe(10_000);
    expect(column('kind')).toEqual({ same: 'order' });
    expect(column('importId')).toEqual({ same: IMPORT_A });
    expect(column(['gross', 'currency'])).toEqual({ same: 'USD' });
    expect(column('date')).toMatchObject({ strings: expect.arrayContaining(['2026-05-01', '2026-05-28']) });
    expect((column('date') as { strings: string[] }).strings).toHaveLength(28);
    expect(column('key')).toMatchObject({ joined: expect.stringMatching(/^shopify:order:111-0000000/) });
    expect(column(['gross', 'amount'])).toEqual(month.map((o) => (o.kind === 'order' ? o.gross.amount : 0)));
    // Fields no record has get no column: a month of orders has no fee type.
    expect(stored.fields).not.toContain('feeType');
    expect(stored.whole).toBeUndefined();
    expect(roundTrip(month)).toEqual(month);
  });

  it('hold fewer, longer, mixed and missing strings exactly', () => {
    const names = ['Amazon.com', undefined, 'Amazon.de', 'Amazon.com', '', 'ÄÖÜ ✓ 𝄞'];
    const records = names.map((marketplace, i) => ({ ...order(String(i), '2026-05-01', 1), marketplace }));
    const manyRecords = Array.from({ length: 100 }, (_, i) => ({
      ...order(String(i), '2026-05-01', 1),
      marketplace: i % 3 ? `shop ${i} ✓` : `${i}`,
    }));
    for (const list of [records, manyRecords]) {
      const cleaned = list.map(({ marketplace, ...rest }) =>
        marketplace === undefined ? rest : { ...rest, marketplace },
      );
      expect(roundTrip(cleaned)).toEqual(cleaned);
    }
  });

  it('keep a record the columns cannot hold exactly, whole', () => {
    const extra = { ...order('1', '2026-05-01', 1_00), note: 'from a later version', tags: ['a'] };
    const undefinedField = { ...order('2', '2026-05-01', 1_00), marketplace: undefined };
    const bigAmount = { ...order('3', '2026-05-01', 1_00), gross: { amount: 1, currency: 'USD', fx: 1.1 } };
    const records = [order('0', '2026-05-01', 5), extra, undefinedField, bigAmount, null];
    const stored = toColumns({ ...chunk, records: records as LedgerEntry[] });
    expect(stored.whole?.at).toEqual([1, 2, 3, 4]);
    const back = roundTrip(records);
    expect(back).toEqual(records);
    expect(back[2]).toHaveProperty('marketplace', undefined);
  });

  it('tell 0 from -0 and keep numbers as numbers', () => {
    const records = [
      { ...order('1', '2026-05-01', 0), row: 2 },
      { ...order('2', '2026-05-01', -0), row: 2 },
    ];
    const back = roundTrip(records) as { gross: { amount: number }; row: number }[];
    expect(Object.is(back[0]?.gross.amount, 0)).toBe(true);
    expect(Object.is(back[1]?.gross.amount, -0)).toBe(true);
    expect(back.map((r) => r.row)).toEqual([2, 2]);
  });

  it('still refuse what IndexedDB cannot store', () => {
    const unstorable = { ...order('1', '2026-05-01', 1_00), note: () => 'a function' };
    expect(() => structuredClone(toColumns({ ...chunk, records: [unstorable as never] }))).toThrow();
  });

  it('read every field of the ledger schema without a lookup by name', () => {
    const plain = new Set<string>();
    const money = new Set<string>();
    for (const kind of LedgerEntry.options) {
      for (const [name, type] of Object.entries(kind.shape)) (type === Money ? money : plain).add(name);
    }
    expect(Object.keys(READERS).sort()).toEqual([...plain].sort());
    expect(Object.keys(MONEY_READERS).sort()).toEqual([...money].sort());
    for (const readers of Object.values(MONEY_READERS)) {
      expect(Object.keys(readers).sort()).toEqual(Object.keys(Money.shape).sort());
    }
    const one = { ...order('1', '2026-05-01', 1_00), feeType: 'f', payoutId: 'p', description: 'd' };
    for (const [name, read] of Object.entries(READERS)) expect(read(one)).toBe((one as never)[name]);
  });

  it('leave a chunk stored as records, and anything else, as it is', () => {
    expect(chunkOf(chunk)).toBe(chunk);
    expect(chunkOf('garbage')).toBe('garbage');
    expect(chunkOf(undefined)).toBeUndefined();
  });

  type Damage = (stored: { fields: unknown[]; columns: unknown[]; count: unknown; whole?: unknown }) => void;
  it.each<[string, Damage, string]>([
    [
      'a column shorter than the others',
      (s) => (s.columns[5] as unknown[]).pop(),
      'column 6 is not one value per record',
    ],
    ['a field without a name', (s) => (s.fields[0] = 7), 'column 1 has no field name'],
    ['columns without fields', (s) => (s.fields = undefined as never), 'columns missing'],
    ['one column too few', (s) => s.columns.pop(), 'columns do not match their fields'],
    ['no record count', (s) => (s.count = '10000'), 'record count missing'],
    ['a column that is no column', (s) => (s.columns[0] = 'order'), 'column 1 is not a column'],
    [
      'a date beyond its strings',
      (s) => ((s.columns[3] as { at: Uint8Array }).at[0] = 200),
      'column 4 names a string it does not have',
    ],
    [
      'keys that do not add up',
      (s) => ((s.columns[1] as { lengths: Int32Array }).lengths[0] = 99),
      'column 2 has strings that do not add up',
    ],
    [
      'a record stored whole out of place',
      (s) => (s.whole = { at: [10_000], records: [{}] }),
      'records stored whole do not match their places',
    ],
  ])('with %s are named by the chunk check', (_, damage, problem) => {
    const stored = structuredClone(toColumns({ ...chunk, records: month }));
    expect(stored.fields.slice(0, 6)).toEqual(['kind', 'key', 'platform', 'date', 'importId', 'row']);
    damage(stored as never);
    expect(chunkProblem(chunkOf(stored), ['shopify', '2026-05', 3])).toBe(problem);
  });

  it('damaged in the store are set aside when read, and the month stays readable', async () => {
    const db = await openTradelineDb();
    await importEntries(
      db,
      {
        id: IMPORT_A,
        provenance: {
          kind: 'file',
          name: 'a.csv',
          size: 1,
          format: 'shopify-orders',
          sha256: IMPORT_A,
          rows: 1,
          readAt: '2026-11-01T00:00:00.000Z',
        },
        importedAt: '2026-11-01T00:00:00.000Z',
      } as never,
      'shopify',
      [order('1', '2026-05-01', 1_00)],
    );
    const stored = await db.get('chunks', ['shopify', '2026-05', 0]);
    expect(stored).toHaveProperty('columns');
    await db.put('chunks', { ...(stored as object), columns: [[1]] } as never, ['shopify', '2026-05', 0]);
    // A small import tops up the month's last chunk: it reads it, finds it damaged, sets it aside.
    const result = await importEntries(
      db,
      {
        id: IMPORT_B,
        provenance: {
          kind: 'file',
          name: 'b.csv',
          size: 1,
          format: 'shopify-orders',
          sha256: IMPORT_B,
          rows: 1,
          readAt: '2026-11-01T00:00:00.000Z',
        },
        importedAt: '2026-11-01T00:00:00.000Z',
      } as never,
      'shopify',
      [order('2', '2026-05-02', 1_00, IMPORT_B)],
    );
    expect(result).toMatchObject({ added: 1 });
    expect((await listQuarantine(db)).map((q) => q.problem)).toEqual([
      expect.stringContaining('columns do not match their fields'),
    ]);
    expect((await readMonth(db, 'shopify', '2026-05')).map((e) => e.orderId)).toEqual(['2']);
    db.close();
  });
});
