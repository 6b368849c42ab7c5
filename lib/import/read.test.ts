import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../domain/records.ts';
import { amountCell, dedupeKey } from '../sources/entries.ts';
import { type AnyReportFormat, defineFormat } from '../sources/format.ts';
import { FORMATS } from '../sources/registry.ts';
import { parseDate } from './dates.ts';
import { StreamDecoder } from './decode.ts';
import { ISSUE, THEN } from './issue-texts.ts';
import { findHeader, MAX_EXPECTED_ROWS, type ReadSummary, ReportReader, readReport } from './read.ts';

const IMPORT_ID = 'f'.repeat(64);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withBom = (text: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

/** A test format shaped like Amazon's date range report (English and pt-BR headers). */
const dateRange = defineFormat({
  id: 'demo-date-range',
  platform: 'demo',
  label: 'Test date range report',
  delimiters: [','],
  columns: {
    date: ['date/time', 'data/hora'],
    type: ['type', 'tipo'],
    order: ['order id', 'id do pedido'],
    total: ['total'],
  },
  required: ['date', 'type', 'total'],
  createReader(ctx) {
    return {
      row(cells, line) {
        const raw = ctx.header.get(cells, 'date');
        const date = parseDate(raw, 'mdy');
        if (!date) return ctx.issue(line, 'date', ISSUE.notADate(raw, THEN.rowSkipped()));
        const order = ctx.header.get(cells, 'order');
        if (order === 'BOOM') throw new Error('reader bug');
        const amount = amountCell(ctx, cells, 'total', 'USD', line);
        if (amount === undefined) return;
        ctx.emit({
          kind: 'order',
          key: dedupeKey('demo', 'order', order || `line-${line}`),
          platform: 'demo',
          date,
          importId: ctx.importId,
          row: line,
          orderId: order || `line-${line}`,
          gross: { amount, currency: 'USD' },
          status: 'paid',
        });
      },
      end() {},
    };
  },
});

/** A semicolon-separated EUR statement with the symbol in the cell (Etsy-like), as Excel saves it. */
const euroStatement = defineFormat({
  id: 'demo-euro-statement',
  platform: 'demo',
  label: 'Test euro statement',
  delimiters: [';'],
  columns: { date: ['Datum'], title: ['Titel'], amount: ['Betrag'] },
  required: ['date', 'title', 'amount'],
  createReader(ctx) {
    return {
      row(cells, line) {
        const date = parseDate(ctx.header.get(cells, 'date'), 'dmy');
        const amount = amountCell(ctx, cells, 'amount', 'EUR', line, ',');
        if (!date || amount === undefined) return;
        ctx.emit({
          kind: 'adjustment',
          key: dedupeKey('demo', 'adjustment', line),
          platform: 'demo',
          date,
          importId: ctx.importId,
          row: line,
          amount: { amount, currency: 'EUR' },
          description: ctx.header.get(cells, 'title'),
        });
      },
      end() {},
    };
  },
});

/** Local formats only, so that these tests do not depend on the platform formats being written. */
const TEST_FORMATS: readonly AnyReportFormat[] = [dateRange, euroStatement];

function read(bytes: Uint8Array, fileName = 'report.csv', formats = TEST_FORMATS) {
  return readReport(bytes, { fileName, importId: IMPORT_ID, formats });
}

const US_PREAMBLE = [
  '"Includes Amazon Marketplace, Fulfillment by Amazon (FBA), and Amazon Webstore transactions"',
  '"All amounts in USD, unless specified"',
  '"Definitions:"',
  '"Sales tax collected: Includes sales tax collected from buyers for product sales, shipping, and gift wrap."',
  '"Selling fees: Includes variable closing fees and referral fees."',
  '"Other transaction fees: Includes shipping chargebacks, shipping holdbacks, per-item fees  and sales tax collection fees."',
  '"Other: Includes non-order transaction amounts. For more details, see the ""Type"" and ""Description"" columns for each order ID."',
];

const BR_PREAMBLE = [
  '"Inclui transações da Amazon Marketplace, Fulfillment by Amazon (FBA), e Amazon Webstore"',
  '"Todas as quantias em BRL, a menos que especificado"',
  '"Definições:"',
  '"date/hora: data/hora da transação publicada"',
  '"Imposto de vendas coletados: Inclui impostos sobre vendas coletados de compradores."',
  '"Tarifas de venda: Inclui tarifas de fechamento variável e tarifas de referência."',
  '"Outras taxas de transação: Inclui cobranças retroativas de envio, retenção de envio."',
  '"Outros: Inclui quantias de transação não relacionadas a pedidos. Consulte as colunas ""Tipo"" e ""Descrição""."',
  '"Atenção: relatórios com data de início de 1º de janeiro de 2025 ou mais recentes são indexados pela data de publicação."',
];

function usReport(rows: number): string {
  const lines = [
    ...US_PREAMBLE,
    '"date/time","settlement id","type","order id","sku","description","quantity","product sales","total"',
  ];
  for (let i = 0; i < rows; i++) {
    const day = (i % 28) + 1;
    lines.push(
      `"Jan ${day}, 2024 12:08:10 AM PST","1792345678${i % 10}","Order","113-${String(i).padStart(7, '0')}-1234567","SKU-${i}","Mug, blue ""12 oz""\nsecond line","1","1,234.56","${i % 2 ? '-' : ''}1,${String(i % 1000).padStart(3, '0')}.56"`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const BR_REPORT = [
  ...BR_PREAMBLE,
  '"data/hora","id de liquidação","tipo","id do pedido","sku","descrição","quantidade","vendas do produto","total"',
  '"28 de fev. de 2026 21:17:51 GMT-8","25918067241","Pedido","701-2971794-5727426","MFS-0027","Kit com Tigelas","1","69,97","-3.263,25"',
  '"31 de mar. de 2026 23:56:11 GMT-7","26176688371","Pedido","701-3833970-8337805","MFS-0023+P","Bolsa Organizadora","2","71,98","58,46"',
].join('\r\n');

describe('readReport: finding the header among preamble lines', () => {
  it('Amazon US: the header after 7 preamble lines', () => {
    const result = read(utf8(usReport(3)));
    expect(result.format?.id).toBe('demo-date-range');
    expect(result.headerLine).toBe(8);
    expect(result.issues).toEqual([]);
    expect(result.rows).toBe(3);
    expect(result.entries.map((e) => [e.row, e.date, e.kind === 'order' ? e.gross.amount : null])).toEqual([
      [9, '2024-01-01', 100056],
      [11, '2024-01-02', -100156],
      [13, '2024-01-03', 100256],
    ]);
  });

  it('Amazon BR: the header after 9 preamble lines, with a BOM, CRLF and pt-BR numbers', () => {
    const result = read(withBom(BR_REPORT));
    expect(result.format?.id).toBe('demo-date-range');
    expect(result.encoding).toBe('utf-8');
    expect(result.headerLine).toBe(10);
    expect(result.issues).toEqual([]);
    expect(result.entries).toEqual([
      expect.objectContaining({ row: 11, date: '2026-02-28', gross: { amount: -326325, currency: 'USD' } }),
      expect.objectContaining({ row: 12, date: '2026-03-31', gross: { amount: 5846, currency: 'USD' } }),
    ]);
  });

  it('findHeader names the format, the line and the header cells', () => {
    const match = findHeader(usReport(1), TEST_FORMATS);
    expect(match?.format.id).toBe('demo-date-range');
    expect(match?.line).toBe(8);
    expect(match?.delimiter).toBe(',');
    expect(match?.cells[0]).toBe('date/time');
  });
});

describe('readReport: files no format recognises', () => {
  const dir = resolve('test/fixtures/unknown');
  const unknown = readdirSync(dir).filter((f) => f.startsWith('unknown') && f.endsWith('.csv'));

  it('has unknown fixtures to check', () => {
    expect(unknown.length).toBeGreaterThanOrEqual(4);
  });

  for (const name of unknown) {
    it(`${name}: one issue naming the file and the known formats, no records`, () => {
      const bytes = readFileSync(join(dir, name));
      const result = read(bytes, name, FORMATS);
      expect(result.format).toBeUndefined();
      expect(result.headerLine).toBeUndefined();
      expect(result.entries).toEqual([]);
      expect(result.records).toBe(0);
      expect(result.rows).toBe(0);
      expect(result.issues).toHaveLength(1);
      const [issue] = result.issues;
      expect(issue?.row).toBeNull();
      expect(issue?.message).toContain(`"${name}"`);
      for (const format of FORMATS) expect(issue?.message).toContain(format.label);
      // And no single format claims it either.
      const decoder = new StreamDecoder();
      const text = decoder.push(bytes) + decoder.end();
      expect(FORMATS.filter((f) => findHeader(text, [f]) !== undefined).map((f) => f.id)).toEqual([]);
    });
  }
});

describe('readReport: files with a header and nothing under it', () => {
  it.each([
    ['header only', 'Datum;Titel;Betrag\n'],
    ['header without a line end', 'Datum;Titel;Betrag'],
    ['header and blank lines', 'Datum;Titel;Betrag\r\n\r\n;;\r\n  ;\r\n'],
  ])('%s: one issue saying there are no data rows', (_name, text) => {
    const result = read(utf8(text), 'empty-statement.csv');
    expect(result.format?.id).toBe('demo-euro-statement');
    expect(result.rows).toBe(0);
    expect(result.entries).toEqual([]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.message).toContain('"empty-statement.csv"');
    expect(result.issues[0]?.message).toMatch(/no data rows/);
  });
});

describe('readReport: a bug in a format costs its row, not the import', () => {
  const text = [
    'date/time,type,order id,total',
    'Jan 1 2024,Order,A-1,10.00',
    'Jan 2 2024,Order,BOOM,11.00',
    'Jan 3 2024,Order,A-3,12.00',
    'hello,Order,A-4,13.00',
    'Jan 5 2024,Order,A-5,12.x0',
  ].join('\n');

  it('a reader that throws on one row loses that row only, and says which', () => {
    const result = read(utf8(text));
    expect(result.entries.map((e) => e.orderId)).toEqual(['A-1', 'A-3']);
    expect(result.rows).toBe(5);
    expect(result.issues).toMatchObject([
      { row: 3, field: null, message: expect.stringContaining('reader bug') },
      { row: 5, field: 'date/time', message: '"hello" is not a date; the row was skipped.' },
      { row: 6, field: 'total', message: '"12.x0" is not an amount; the row was skipped.' },
    ]);
  });

  it('a reader that throws at the end keeps the rows it emitted and reports the failure', () => {
    const failingEnd = defineFormat({
      ...dateRange,
      id: 'demo-failing-end',
      createReader(ctx) {
        const inner = dateRange.createReader(ctx);
        return {
          row: (cells, line) => inner.row(cells, line),
          end() {
            throw new Error('grouping bug');
          },
        };
      },
    });
    const result = read(utf8(text), 'report.csv', [failingEnd]);
    expect(result.entries.map((e) => e.orderId)).toEqual(['A-1', 'A-3']);
    expect(result.issues).toContainEqual({
      row: null,
      field: null,
      code: 'rowFailed',
      params: [expect.stringContaining('grouping bug')],
      message: expect.stringContaining('grouping bug'),
    });
  });

  it('a reader that cannot even start does not make the import throw', () => {
    const failingStart = defineFormat({
      ...dateRange,
      id: 'demo-failing-start',
      createReader() {
        throw new Error('setup bug');
      },
    });
    const result = read(utf8(text), 'report.csv', [failingStart]);
    expect(result.format?.id).toBe('demo-failing-start');
    expect(result.entries).toEqual([]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.message).toContain('setup bug');
  });
});

describe('ReportReader.finish: what a format emits at the end of the file, in parts', () => {
  /** A format that keeps every row to the end, then emits them two per step. */
  const heldToEnd = (failAtPart?: number) =>
    defineFormat({
      ...dateRange,
      id: 'demo-held-to-end',
      createReader(ctx) {
        const held: LedgerEntry[] = [];
        const inner = dateRange.createReader({ ...ctx, emit: (e) => held.push(e) });
        return {
          row: (cells, line) => inner.row(cells, line),
          *end() {
            for (let i = 0; i < held.length; i += 2) {
              if (i / 2 === failAtPart) throw new Error('grouping bug');
              for (const e of held.slice(i, i + 2)) ctx.emit(e);
              yield;
            }
          },
        };
      },
    });
  const text = `date/time,type,order id,total\n${[1, 2, 3, 4, 5].map((n) => `Jan ${n} 2024,Order,A-${n},${n}.00`).join('\n')}\n`;

  it('each step emits one part: a caller can store them one at a time; `end` emits them all', () => {
    const seen: string[] = [];
    const reader = new ReportReader({
      fileName: 'report.csv',
      importId: IMPORT_ID,
      formats: [heldToEnd()],
      onEntry: (e) => seen.push(e.orderId as string),
    });
    reader.push(utf8(text));
    expect(seen).toEqual([]);
    const steps = reader.finish();
    const after: string[][] = [];
    let step = steps.next();
    while (!step.done) {
      after.push([...seen]);
      step = steps.next();
    }
    expect(after).toEqual([
      ['A-1', 'A-2'],
      ['A-1', 'A-2', 'A-3', 'A-4'],
      ['A-1', 'A-2', 'A-3', 'A-4', 'A-5'],
    ]);
    expect(step.value.records).toBe(5);
    expect(read(utf8(text), 'report.csv', [heldToEnd()]).entries.map((e) => e.orderId)).toEqual(seen);
  });

  it('a part that throws ends the file there, keeps what was emitted and reports the failure', () => {
    const result = read(utf8(text), 'report.csv', [heldToEnd(1)]);
    expect(result.entries.map((e) => e.orderId)).toEqual(['A-1', 'A-2']);
    expect(result.issues).toMatchObject([
      { row: null, code: 'rowFailed', message: expect.stringContaining('grouping bug') },
    ]);
  });
});

describe('readReport: encodings', () => {
  it('a 200-byte file with a BOM: the first column is still recognised', () => {
    let text =
      'date/time,type,order id,total\r\nJan 1 2024,Order,A-1,10.00\r\nJan 2 2024,Order,A-2,"1,250.00"\r\n';
    text += `Jan 3 2024,Order,A-${'3'.repeat(200 - 3 - utf8(text).length - 'Jan 3 2024,Order,A-,1\r\n'.length)},1\r\n`;
    const bytes = withBom(text);
    expect(bytes.length).toBe(200);
    const result = read(bytes);
    expect(result.encoding).toBe('utf-8');
    expect(result.format?.id).toBe('demo-date-range');
    expect(result.issues).toEqual([]);
    expect(result.entries.map((e) => (e.kind === 'order' ? e.gross.amount : null))).toEqual([
      1000, 125000, 100,
    ]);
  });

  it('a Windows-1252 file saved by Excel keeps its euro amounts and accents', () => {
    const text =
      'Datum;Titel;Betrag\r\n05.01.2026;Verkauf Café;€12,50\r\n06.01.2026;Rückerstattung;-€3,00\r\n';
    const bytes = Uint8Array.from(text, (c) => (c === '€' ? 0x80 : c.charCodeAt(0)));
    const result = read(bytes);
    expect(result.encoding).toBe('windows-1252');
    expect(result.issues).toEqual([]);
    expect(result.entries).toEqual([
      expect.objectContaining({ description: 'Verkauf Café', amount: { amount: 1250, currency: 'EUR' } }),
      expect.objectContaining({ description: 'Rückerstattung', amount: { amount: -300, currency: 'EUR' } }),
    ]);
  });

  it('a UTF-16 file (Excel "Unicode text") reads as its UTF-8 original', () => {
    const text = usReport(20);
    const a = read(utf8(text));
    const b = read(utf16le(text));
    expect(b.encoding).toBe('utf-16le');
    expect(b.entries).toEqual(a.entries);
    expect(b.issues).toEqual(a.issues);
  });
});

describe('ReportReader: expected rows, from the file size', () => {
  /** What each reader is told about the file's rows, with and without its size. */
  function expectedRows(bytes: Uint8Array, fileBytes?: number, pieces = 65_536): (number | undefined)[] {
    const told: (number | undefined)[] = [];
    const spy = defineFormat({
      ...dateRange,
      createReader(ctx) {
        told.push(ctx.expectedRows);
        return dateRange.createReader(ctx);
      },
    });
    const reader = new ReportReader({
      fileName: 'report.csv',
      importId: IMPORT_ID,
      formats: [spy],
      onEntry: () => {},
      ...(fileBytes === undefined ? {} : { fileBytes }),
    });
    for (let at = 0; at < bytes.length; at += pieces) reader.push(bytes.subarray(at, at + pieces));
    reader.end();
    return told;
  }

  it('estimates the rows of a large file from its first rows, within 10%', () => {
    // 20,000 rows (two lines each: a quoted line break), about 3.5 MB, much more than the sample.
    const bytes = utf8(usReport(20_000));
    const [told] = expectedRows(bytes, bytes.length);
    expect(told).toBeGreaterThan(20_000 * 2 * 0.9);
    expect(told).toBeLessThan(20_000 * 2 * 1.1);
  });

  it('counts the lines of a file held whole in the sample', () => {
    const bytes = utf8(usReport(10));
    // 10 records of 2 lines each under a header on line 8.
    expect(expectedRows(bytes, bytes.length)).toEqual([20]);
  });

  it('says nothing without the file size, and caps a wild one', () => {
    const bytes = utf8(usReport(10));
    expect(expectedRows(bytes)).toEqual([undefined]);
    expect(expectedRows(bytes, 1e12)).toEqual([MAX_EXPECTED_ROWS]);
  });
});

describe('ReportReader: bytes arriving in pieces', () => {
  function readInPieces(
    bytes: Uint8Array,
    sizes: readonly number[],
  ): ReadSummary & { entries: LedgerEntry[] } {
    const entries: LedgerEntry[] = [];
    const reader = new ReportReader({
      fileName: 'report.csv',
      importId: IMPORT_ID,
      formats: TEST_FORMATS,
      onEntry: (e) => entries.push(e),
    });
    // Each piece goes through one buffer, overwritten once `push` returns, as the command line
    // and the import worker reuse theirs: the reader must copy whatever it keeps.
    const buffer = new Uint8Array(Math.max(bytes.length, ...sizes));
    let at = 0;
    for (let i = 0; at < bytes.length; i++) {
      const size = sizes.length > 0 ? (sizes[i % sizes.length] as number) : bytes.length;
      const piece = bytes.subarray(at, at + size);
      buffer.set(piece);
      reader.push(buffer.subarray(0, piece.length));
      buffer.fill(0x3f, 0, piece.length);
      at += size;
    }
    return { ...reader.end(), entries };
  }

  // Past the 64 KiB sniffing window and the 256 K-character header search, with multi-byte
  // characters, quoted line breaks, a BOM, and an unclosed quote at the very end.
  const big = `${usReport(1500).replaceAll('Mug', 'Caneca ção 😀')}"Jan 9, 2024","Order","X","1.00`;
  const files: [string, Uint8Array][] = [
    ['UTF-8 with BOM', withBom(big)],
    ['UTF-16LE', utf16le(big)],
    ['small BR report', withBom(BR_REPORT)],
  ];

  it('a header past the 256 K-character search window: the same verdict whole or in pieces', () => {
    // 60 preamble lines of 5,000 characters: fewer than 100 records, but the header starts
    // past the window. Held whole, the file used to be searched to its end and recognised;
    // arriving in pieces, it was not.
    const preamble = Array.from({ length: 60 }, (_, i) => `"note ${i} ${'x'.repeat(5000)}"`).join('\n');
    const bytes = utf8(`${preamble}\n${usReport(2).split('\n').slice(US_PREAMBLE.length).join('\n')}`);
    const whole = readInPieces(bytes, []);
    expect(JSON.stringify(readInPieces(bytes, [65_536]))).toBe(JSON.stringify(whole));
    expect(whole.format).toBeUndefined();
  });

  for (const [name, bytes] of files) {
    it(`${name}: the same entries, issues and counts however the bytes are split`, () => {
      const whole = readInPieces(bytes, []);
      expect(whole.entries.length).toBeGreaterThan(0);
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 8 }),
          (sizes) => {
            const pieces = readInPieces(bytes, sizes);
            expect(pieces.entries.length).toBe(whole.entries.length);
            expect(JSON.stringify(pieces)).toBe(JSON.stringify(whole));
          },
        ),
        { numRuns: name.startsWith('small') ? 200 : 15 },
      );
      // And byte by byte, for the small file.
      if (bytes.length < 5000) expect(JSON.stringify(readInPieces(bytes, [1]))).toBe(JSON.stringify(whole));
    });
  }
});
