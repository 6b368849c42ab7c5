import { describe, expect, it } from 'vitest';
import { readReport } from '../../import/read.ts';
import { FORMATS } from '../registry.ts';

const HEADER =
  'Period Start Date,Period End Date,Total Payable,Currency,Transaction Key,Transaction Posted Timestamp,Transaction Type,Transaction Description,Customer Order #,Customer Order line #,Purchase Order #,Purchase Order line #,Amount,Amount Type';

function read(rows: string[]) {
  const text = `${[HEADER, ...rows].join('\n')}\n`;
  return readReport(new TextEncoder().encode(text), {
    fileName: 'recon.csv',
    importId: 'b'.repeat(64),
    formats: FORMATS,
  });
}

describe('walmart-recon', () => {
  it('keeps tax Walmart withheld out of the gross, and the tax it did not withhold in it', () => {
    const { entries } = read([
      ',,,,K1,03/02/2026,Sale,Purchase,C1,1,P1,1,10.00,Product Price',
      ',,,,K1,03/02/2026,Sale,Purchase,C1,1,P1,1,0.70,Product tax',
      ',,,,K1,03/02/2026,Sale,Purchase,C1,1,P1,1,-0.70,Product tax withheld',
      ',,,,K2,03/02/2026,Sale,Purchase,C2,1,P2,1,10.00,Product Price',
      ',,,,K2,03/02/2026,Sale,Purchase,C2,1,P2,1,0.70,Product tax',
    ]);
    const gross = Object.fromEntries(
      entries.map((e) => [e.orderId, e.kind === 'order' ? e.gross.amount : 0]),
    );
    expect(gross).toEqual({ P1: 1000, P2: 1070 });
  });

  it('dates an order spread over several postings on its first one', () => {
    const { entries } = read([
      ',,,,K2,03/05/2026,Sale,Purchase,C1,1,P1,2,5.00,Product Price',
      ',,,,K1,03/02/2026,Sale,Purchase,C1,1,P1,1,10.00,Product Price',
    ]);
    expect(entries).toMatchObject([{ kind: 'order', date: '2026-03-02', row: 3, gross: { amount: 1500 } }]);
  });

  it('reports spreadsheet-rounded order numbers once, not once per row', () => {
    const { issues, entries } = read([
      ',,,,K1,4/2/2026,Sale,Purchase,2.00012E+11,1,1.08811E+11,1,19.52,Product Price',
      ',,,,K2,4/3/2026,Sale,Purchase,2.00012E+11,1,1.08811E+11,1,31.96,Product Price',
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain('rounded by a spreadsheet');
    expect(entries.map((e) => e.orderId)).toEqual(['K1', 'K2']);
  });

  it('a negative Total Payable is carried forward, not paid out', () => {
    const { entries, issues } = read([
      '3/29/2026,4/11/2026,-12.45,USD,,4/15/2026,PaymentSummary,Carried forward,,,,,,',
    ]);
    expect(issues).toEqual([]);
    expect(entries).toEqual([]);
  });
});
