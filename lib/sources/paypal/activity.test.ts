import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../domain/records.ts';
import { readReport } from '../../import/read.ts';
import { paypalActivity } from './activity.ts';

const HEADER =
  '"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","Transaction ID","Balance"';

function read(...rows: string[]) {
  const text = `\uFEFF${HEADER}\n${rows.join('\n')}\n`;
  const bytes = new TextEncoder().encode(text);
  return readReport(bytes, { fileName: 'Download.CSV', importId: 'a'.repeat(64), formats: [paypalActivity] });
}

function sale(date: string, zone: string, gross: string, id: string, status = 'Completed', currency = 'USD') {
  return `"${date}","10:00:00","${zone}","Buyer","Website Payment","${status}","${currency}","${gross}","0.00","${gross}","${id}","0.00"`;
}

const dates = (entries: LedgerEntry[]) => entries.filter((e) => e.kind === 'order').map((e) => e.date);

describe('PayPal activity download: date order', () => {
  it('reads earlier ambiguous dates the way a later unambiguous date proves', () => {
    const result = read(sale('03/04/2024', 'UTC', '10.00', 'A1'), sale('25/04/2024', 'UTC', '20.00', 'A2'));
    expect(dates(result.entries)).toEqual(['2024-04-03', '2024-04-25']);
    expect(result.issues).toEqual([]);
  });

  it('lets the dates win over a time zone that suggests otherwise', () => {
    const result = read(sale('03/04/2024', 'PDT', '10.00', 'A1'), sale('03/25/2024', 'PDT', '20.00', 'A2'));
    expect(dates(result.entries)).toEqual(['2024-03-04', '2024-03-25']);
  });

  it('falls back to the time zone, then to month first, when every date reads both ways', () => {
    expect(dates(read(sale('03/04/2024', 'CEST', '10.00', 'A1')).entries)).toEqual(['2024-04-03']);
    expect(dates(read(sale('03/04/2024', 'UTC', '10.00', 'A1')).entries)).toEqual(['2024-03-04']);
  });
});

describe('PayPal activity download: amounts and statuses', () => {
  it('reads separators in currencies without decimals as thousands separators', () => {
    const result = read(
      sale('06/25/2024', 'PDT', '1.250', 'J1', 'Completed', 'JPY'),
      sale('06/26/2024', 'PDT', '1,250', 'J2', 'Completed', 'JPY'),
    );
    expect(result.entries.map((e) => (e.kind === 'order' ? e.gross : undefined))).toEqual([
      { amount: 1250, currency: 'JPY' },
      { amount: 1250, currency: 'JPY' },
    ]);
  });

  it('counts a payment once it completes, under the same key whatever its status was', () => {
    // PayPal rewrites history: the same Transaction ID is Pending in one download, Completed in the next.
    const pending = read(sale('06/25/2024', 'PDT', '80.00', '5TX11111AB222222C', 'Pending'));
    const completed = read(sale('06/25/2024', 'PDT', '80.00', '5TX11111AB222222C', 'Completed'));
    const refundedLater = read(sale('06/25/2024', 'PDT', '80.00', '5TX11111AB222222C', 'Refunded'));
    expect(pending.entries).toEqual([]);
    expect(completed.entries.map((e) => e.key)).toEqual(['paypal:order:5TX11111AB222222C']);
    expect(refundedLater.entries.map((e) => e.key)).toEqual(['paypal:order:5TX11111AB222222C']);
  });

  it('gives the same keys to the same rows on every import of a file without Transaction IDs', () => {
    const row =
      '"06/10/2021","00:00:01","PDT","PayPal","General Bonus","Completed","USD","0.25","0.00","0.25","","0.25"';
    const keys = () => read(row, row).entries.map((e) => e.key);
    expect(keys()).toEqual(keys());
    expect(new Set(keys()).size).toBe(2);
  });
});
