import { describe, expect, it } from 'vitest';
import { CsvReader, MAX_FIELD_LENGTH, readCsv } from './csv.ts';
import type { ImportIssue } from './issues.ts';

type Rec = { cells: string[]; line: number };

/** Reads `text` fed in chunks of `size` characters (0: all at once). */
function readChunked(text: string, size: number, delimiter = ','): { records: Rec[]; issues: ImportIssue[] } {
  const records: Rec[] = [];
  const issues: ImportIssue[] = [];
  const reader = new CsvReader(
    delimiter,
    (cells, line) => records.push({ cells, line }),
    (i) => issues.push(i),
  );
  if (size === 0) reader.push(text);
  else for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
  reader.end();
  return { records, issues };
}

const cells = (text: string, delimiter = ',') => readCsv(text, delimiter).records.map((r) => r.cells);
const lines = (text: string) => readCsv(text).records.map((r) => r.line);

describe('CsvReader: line ends', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF (Excel re-save, Amazon VAT)', '\r\n'],
    ['CR (old Mac)', '\r'],
  ])('%s', (_name, nl) => {
    const text = ['Date,Amount', '2026-01-05,12.50', '2026-01-06,-3.00'].join(nl) + nl;
    expect(readCsv(text).records).toEqual([
      { cells: ['Date', 'Amount'], line: 1 },
      { cells: ['2026-01-05', '12.50'], line: 2 },
      { cells: ['2026-01-06', '-3.00'], line: 3 },
    ]);
  });

  it('mixed line ends in one file', () => {
    expect(cells('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
    expect(lines('a,b\r\nc,d\ne,f\rg,h')).toEqual([1, 2, 3, 4]);
  });

  it('a last line without a line end is read', () => {
    expect(cells('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

describe('CsvReader: quoting', () => {
  it('keeps line breaks inside quoted cells (Shopify notes, Etsy variations)', () => {
    const text = 'Order,Notes,Total\n#1001,"Gift wrap\nplease\r\nthanks",12.00\n#1002,,5.00\n';
    expect(readCsv(text).records).toEqual([
      { cells: ['Order', 'Notes', 'Total'], line: 1 },
      { cells: ['#1001', 'Gift wrap\nplease\r\nthanks', '12.00'], line: 2 },
      { cells: ['#1002', '', '5.00'], line: 5 },
    ]);
  });

  it('numbers lines by where each record starts, counting the breaks inside quotes', () => {
    const text = '"a\nb\nc",1\r\n"x\ry",2\n3,"z"\n\n4,5\n';
    expect(readCsv(text).records.map((r) => [r.cells[1], r.line])).toEqual([
      ['1', 1],
      ['2', 4],
      ['z', 6],
      ['5', 8],
    ]);
  });

  it('reads doubled quotes as one quote', () => {
    expect(cells('"12"" ruler","say ""hi""",""""\n')).toEqual([['12" ruler', 'say "hi"', '"']]);
  });

  it('reads "1,250.00" as one cell', () => {
    expect(cells('Gross,Fee\n"1,250.00","-36.56"\n')[1]).toEqual(['1,250.00', '-36.56']);
  });

  it('keeps stray quotes inside unquoted cells as text', () => {
    expect(cells('12" ruler,5\nit"s,"ok"\n')).toEqual([
      ['12" ruler', '5'],
      ['it"s', 'ok'],
    ]);
  });

  it('keeps text after a closing quote, as spreadsheet apps do', () => {
    expect(cells('"Best" seller,5\n')).toEqual([['Best seller', '5']]);
  });

  it('reports an unclosed quote at the end of the file with the line it opened on', () => {
    const { records, issues } = readCsv('Date,Note\n2026-01-05,ok\n2026-01-06,"never closed\nmore,text\n');
    expect(records).toEqual([
      { cells: ['Date', 'Note'], line: 1 },
      { cells: ['2026-01-05', 'ok'], line: 2 },
      { cells: ['2026-01-06', 'never closed\nmore,text\n'], line: 3 },
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.row).toBe(3);
    expect(issues[0]?.message).toMatch(/line 3 is never closed/);
  });

  it('keeps a very long quoted cell to its first MAX_FIELD_LENGTH characters, and says so', () => {
    const text = `a,"${'x'.repeat(MAX_FIELD_LENGTH + 10)}",b\nc,d\n`;
    const { records, issues } = readCsv(text);
    expect(records[0]?.cells[1]).toHaveLength(MAX_FIELD_LENGTH);
    expect(records[0]?.cells[2]).toBe('b');
    expect(records[1]).toEqual({ cells: ['c', 'd'], line: 2 });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.row).toBe(1);
  });

  it('skips a line whose quote does not close within 2 MB while streaming, and reads the rest', () => {
    const filler = 'x,y\n'.repeat(MAX_FIELD_LENGTH / 2);
    const text = `h1,h2\nbad,"open\n${filler}`;
    const { records, issues } = readChunked(text, 64 * 1024);
    expect(records[0]).toEqual({ cells: ['h1', 'h2'], line: 1 });
    expect(issues.some((i) => i.row === 2)).toBe(true);
    // The rows after the broken line are not all swallowed into one cell.
    expect(records.length).toBeGreaterThan(MAX_FIELD_LENGTH / 4);
    expect(records.at(-1)).toEqual({ cells: ['x', 'y'], line: 2 + MAX_FIELD_LENGTH / 2 });
  });
});

describe('CsvReader: ragged and blank rows', () => {
  it('keeps rows with fewer or more cells than the header as they are', () => {
    expect(cells('a,b,c\n1,2\n1,2,3,4\n\n5\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2'],
      ['1', '2', '3', '4'],
      ['5'],
    ]);
  });

  it('a short row is never joined with the next one', () => {
    expect(cells('a,b,c\n1\n2,3,4\n')).toEqual([['a', 'b', 'c'], ['1'], ['2', '3', '4']]);
  });

  it('skips blank lines but counts them in line numbers', () => {
    const { records } = readCsv('\n\na,b\n\r\n\n1,2\n""\n3,4\n');
    expect(records).toEqual([
      { cells: ['a', 'b'], line: 3 },
      { cells: ['1', '2'], line: 6 },
      { cells: ['3', '4'], line: 8 },
    ]);
  });

  it('keeps all-commas lines (eBay orders report) as empty cells', () => {
    expect(cells(',,,\na,b\n')).toEqual([
      ['', '', '', ''],
      ['a', 'b'],
    ]);
  });

  it('an empty file has no records', () => {
    expect(readCsv('')).toEqual({ records: [], issues: [] });
    expect(readCsv('\n\r\n\r')).toEqual({ records: [], issues: [] });
  });
});

describe('CsvReader: other separators', () => {
  it('reads TSV, with commas and quotes inside cells', () => {
    const text = 'settlement-id\tamount\tdescription\n123\t1,234.50\t"tab\there"\n124\t-5\tsays "hi"\n';
    expect(cells(text, '\t')).toEqual([
      ['settlement-id', 'amount', 'description'],
      ['123', '1,234.50', 'tab\there'],
      ['124', '-5', 'says "hi"'],
    ]);
  });

  it('reads semicolon-separated files (Excel in European locales)', () => {
    expect(cells('Datum;Betrag\n05.01.2026;"1.234,50"\n', ';')).toEqual([
      ['Datum', 'Betrag'],
      ['05.01.2026', '1.234,50'],
    ]);
  });
});

describe('CsvReader: streaming', () => {
  const text = [
    'Date,Type,"Notes, long",Amount\r\n',
    '2026-01-05,charge,"multi\nline\r\nnote ""quoted""",12.50\r\n',
    '2026-01-06,refund,,-3.00\r\n',
    '\r\n',
    '2026-01-07,charge,"",1\r',
    '2026-01-08,charge,plain "stray" quote,2\n',
    'ragged\n',
    '"",\n',
    '"end",é😀,"',
  ].join('');

  it('gives the same records and line numbers whatever the chunk size', () => {
    const whole = readChunked(text, 0);
    expect(whole.records).toHaveLength(8);
    expect(whole.issues).toHaveLength(1); // the unclosed quote at the very end
    for (let size = 1; size <= text.length; size++) {
      expect(readChunked(text, size), `chunks of ${size}`).toEqual(whole);
    }
  });

  it('waits for the rest of a CRLF split between chunks', () => {
    const records: Rec[] = [];
    const reader = new CsvReader(',', (c, line) => records.push({ cells: c, line }));
    reader.push('"a",b\r');
    reader.push('\nc,d\r');
    reader.push('\ne,f');
    reader.end();
    expect(records).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['c', 'd'], line: 2 },
      { cells: ['e', 'f'], line: 3 },
    ]);
  });

  it('hands each record over as soon as its line is complete', () => {
    const records: string[][] = [];
    const reader = new CsvReader(',', (c) => records.push(c));
    reader.push('a,b\nc,');
    expect(records).toEqual([['a', 'b']]);
    reader.push('d\n"e');
    expect(records).toHaveLength(2);
    reader.push('"\n');
    expect(records).toHaveLength(3);
    reader.end();
    expect(records).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('reads a large file in chunks in linear time', () => {
    const big = 'a,b,"c\nd",e\n'.repeat(50_000) + 'x,y\n'.repeat(200_000);
    const started = performance.now();
    const { records } = readChunked(big, 65_536);
    expect(records).toHaveLength(250_000);
    expect(records.at(-1)?.line).toBe(300_000);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
