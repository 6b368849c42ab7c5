import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../lib/domain/records.ts';
import { readFixture } from '../source-fixtures.ts';

const dir = resolve('..', 'shared', 'real-reports');

function filesIn(folder: string): string[] {
  const root = join(dir, folder);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(root, d.name)).map((f) => join(root, d.name, f)))
    .sort();
}

/** Orders counted and, per kind, the sum in minor units (one currency per file here). */
function totals(entries: readonly LedgerEntry[]) {
  const t: Record<string, number> = {
    orders: 0,
    gross: 0,
    refund: 0,
    fee: 0,
    payout: 0,
    adjustment: 0,
    reserve: 0,
  };
  for (const e of entries) {
    if (e.kind === 'order') {
      t.orders = (t.orders ?? 0) + 1;
      t.gross = (t.gross ?? 0) + e.gross.amount;
    } else {
      t[e.kind] = (t[e.kind] ?? 0) + e.amount.amount;
    }
  }
  return t;
}

function byMonth(entries: readonly LedgerEntry[]) {
  const months = new Map<string, LedgerEntry[]>();
  for (const e of entries) {
    const m = e.date.slice(0, 7);
    months.set(m, [...(months.get(m) ?? []), e]);
  }
  return Object.fromEntries([...months].sort().map(([m, list]) => [m, totals(list)]));
}

function currencies(entries: readonly LedgerEntry[]): Set<string> {
  return new Set(entries.map((e) => (e.kind === 'order' ? e.gross.currency : e.amount.currency)));
}

describe.skipIf(!existsSync(dir))('Amazon reports (real files)', () => {
  describe('settlement flat files (V1), Amazon.ca 2025', () => {
    const files = existsSync(dir) ? filesIn('amazon-settlement-flat-file') : [];

    it('reads all seven as amazon-settlement-v1, in CAD, with no issue (every sum check passes)', () => {
      expect(files).toHaveLength(7);
      for (const path of files) {
        const result = readFixture(path);
        expect(result.format, path).toBe('amazon-settlement-v1');
        expect(result.headerLine).toBe(1);
        expect(result.issues, path).toEqual([]);
        expect(currencies(result.entries)).toEqual(new Set(['CAD']));
      }
    });

    // Computed independently with a python3 one-off over the raw files (csv.DictReader with
    // delimiter '\t', Decimal): orders = distinct order-id of `Order` rows with a price-type,
    // marketplace not `Non-Amazon …`; gross = price-amount + promotion-amount of those rows;
    // refund = −(price-amount + promotion-amount) of `Refund` rows; fee = −(item-related, shipment,
    // order, misc and other fee amounts) of Order/Refund rows and −(fee amounts + other-amount) of
    // rows whose transaction-type contains "Fee"; payout = total-amount of row 1 when positive;
    // adjustment = other-amount of the remaining rows except `Payable to Amazon` (the previous
    // settlement's balance carried over). Each file's amount columns also add up to total-amount.
    const expected: Record<string, Record<string, number>> = {
      '50011020300.txt': {
        orders: 0,
        gross: 0,
        refund: 0,
        fee: 35378,
        payout: 0,
        adjustment: 3209,
        reserve: 0,
      },
      '50018020314.txt': {
        orders: 1,
        gross: 3500,
        refund: 6000,
        fee: 3731,
        payout: 0,
        adjustment: 32169,
        reserve: 0,
      },
      '50034020328.txt': {
        orders: 34,
        gross: 218000,
        refund: 6000,
        fee: 111916,
        payout: 101608,
        adjustment: 7755,
        reserve: 0,
      },
      '50041020342.txt': {
        orders: 104,
        gross: 597991,
        refund: 0,
        fee: 344025,
        payout: 253966,
        adjustment: 0,
        reserve: 0,
      },
      '50044020356.txt': {
        orders: 149,
        gross: 840679,
        refund: 17997,
        fee: 368317,
        payout: 463023,
        adjustment: 8658,
        reserve: 0,
      },
      '50051020370.txt': {
        orders: 142,
        gross: 856726,
        refund: 0,
        fee: 468144,
        payout: 389424,
        adjustment: 842,
        reserve: 0,
      },
      '50065020384.txt': {
        orders: 270,
        gross: 1556376,
        refund: 16197,
        fee: 542840,
        payout: 1001564,
        adjustment: 4225,
        reserve: 0,
      },
    };

    for (const [name, figures] of Object.entries(expected)) {
      it(`${name}: orders, gross sales, refunds, fees, payout and adjustments`, () => {
        const path = files.find((f) => f.endsWith(name)) as string;
        expect(totals(readFixture(path).entries)).toEqual(figures);
      });
    }

    it('splits a settlement across the months its orders were posted in (50041020342)', () => {
      const path = files.find((f) => f.endsWith('50041020342.txt')) as string;
      // Same python one-off, months from posted-date (UTC, as printed).
      expect(byMonth(readFixture(path).entries)).toMatchObject({
        '2025-08': { orders: 14, gross: 76500, fee: 62700 },
        '2025-09': { orders: 90, gross: 521491, fee: 281325, payout: 253966 },
      });
    });

    it('gives every order one key across the seven settlements (700 distinct orders)', () => {
      const keys = files.flatMap((f) =>
        readFixture(f)
          .entries.filter((e) => e.kind === 'order')
          .map((e) => e.key),
      );
      expect(keys).toHaveLength(700);
      expect(new Set(keys).size).toBe(700);
    });

    it('books a negative settlement as what moved: fees, the card charge, and no payout (50011020300)', () => {
      const path = files.find((f) => f.endsWith('50011020300.txt')) as string;
      const { entries } = readFixture(path);
      expect(entries.map((e) => [e.kind, e.kind === 'order' ? e.gross.amount : e.amount.amount])).toEqual([
        ['fee', 32169],
        ['fee', 3209],
        ['adjustment', 3209],
      ]);
    });
  });

  describe('Date Range reports (Monthly/Custom Unified Transaction), Amazon.com.br 2026, pt-BR', () => {
    const files = existsSync(dir) ? filesIn('amazon-date-range-unified-transaction') : [];

    it('finds the header on line 10, after the 9 preamble lines, and reads BRL with no issue', () => {
      expect(files).toHaveLength(2);
      for (const path of files) {
        const result = readFixture(path);
        expect(result.format, path).toBe('amazon-date-range');
        expect(result.headerLine).toBe(10);
        expect(result.issues, path).toEqual([]);
        expect(currencies(result.entries)).toEqual(new Set(['BRL']));
      }
    });

    // Computed independently with a python3 one-off (csv.DictReader from line 10, amounts with
    // '.' removed and ',' as the decimal mark, Decimal; month from the Portuguese month
    // abbreviation of data/hora): orders = distinct id do pedido of Pedido rows (Liberado and
    // Diferido); gross = vendas do produto + créditos de remessa + créditos de embalagem de
    // presente + descontos promocionais + imposto de vendas coletados; refund = −(the same) on
    // Reembolso rows; fee = −(tarifas de venda + taxas fba + taxas de outras transações) on
    // Pedido/Reembolso rows, and −total on Taxa… rows; payout = −total on Transferir rows;
    // adjustment = total on the other rows (Ajuste, Outros).
    it('2026MarMonthlyUnifiedTransaction.csv, per month', () => {
      const path = files.find((f) => f.endsWith('2026MarMonthlyUnifiedTransaction.csv')) as string;
      expect(byMonth(readFixture(path).entries)).toEqual({
        '2026-02': { orders: 1, gross: 6997, refund: 0, fee: 1340, payout: 0, adjustment: 2853, reserve: 0 },
        '2026-03': {
          orders: 270,
          gross: 1637006,
          refund: 60638,
          fee: 341453,
          payout: 1375106,
          adjustment: 26066,
          reserve: 0,
        },
      });
    });

    it('2026Apr1-2026Apr15CustomUnifiedTransaction.csv, per month (deferred orders count as sales)', () => {
      const path = files.find((f) => f.endsWith('2026Apr1-2026Apr15CustomUnifiedTransaction.csv')) as string;
      expect(byMonth(readFixture(path).entries)).toEqual({
        '2026-03': { orders: 1, gross: 7198, refund: 0, fee: 2008, payout: 0, adjustment: 0, reserve: 0 },
        '2026-04': {
          orders: 92,
          gross: 609363,
          refund: 9656,
          fee: 126378,
          payout: 761427,
          adjustment: 25657,
          reserve: 0,
        },
      });
    });
  });

  describe('EU VAT transactions report, amazon.de 2018', () => {
    it('reads SALE rows as orders (VAT included, collected by the seller) and REFUND rows as refunds', () => {
      const [path] = existsSync(dir) ? filesIn('amazon-vat-transactions-report') : [];
      const result = readFixture(path as string);
      expect(result.format).toBe('amazon-vat-transactions');
      expect(result.issues).toEqual([]);
      // python3 one-off: SALE rows → 3 distinct TRANSACTION_EVENT_ID, Σ TOTAL_ACTIVITY_VALUE_AMT_VAT_INCL
      // = 569.99; REFUND rows → −Σ = 124.99. RETURN and FC_TRANSFER move stock only.
      expect(totals(result.entries)).toEqual({
        orders: 3,
        gross: 56999,
        refund: 12499,
        fee: 0,
        payout: 0,
        adjustment: 0,
        reserve: 0,
      });
      expect(currencies(result.entries)).toEqual(new Set(['EUR']));
    });
  });
});
