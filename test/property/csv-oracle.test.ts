import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvReader } from '../../lib/import/csv.ts';
import type { ImportIssue } from '../../lib/import/issues.ts';

/**
 * CsvReader against papaparse (the oracle) on random well-formed CSV, and against itself fed in
 * random chunks on any text at all: a file must read the same however the browser splits it.
 */

type Rec = { cells: string[]; line: number };

function read(chunks: readonly string[], delimiter: string): { records: Rec[]; issues: ImportIssue[] } {
  const records: Rec[] = [];
  const issues: ImportIssue[] = [];
  const reader = new CsvReader(
    delimiter,
    (cells, line) => records.push({ cells, line }),
    (i) => issues.push(i),
  );
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return { records, issues };
}

/** Splits `text` at the given fractions of its length. */
function cut(text: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const p of points) {
    parts.push(text.slice(from, p));
    from = p;
  }
  parts.push(text.slice(from));
  return parts;
}

function lineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

function same<T>(actual: T, expected: T): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

const DELIMITERS = [',', '\t', ';'] as const;

/** Characters that stress a CSV reader, and ordinary text around them. */
const tricky = fc.constantFrom(
  ',',
  ';',
  '\t',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  ' ',
  'a',
  'Z',
  '0',
  '.',
  '-',
  'é',
  '€',
  '😀',
  '東',
);
const cell = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: tricky, maxLength: 8 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constant('') },
);
const row = fc.array(fc.record({ value: cell, quote: fc.boolean() }), { minLength: 1, maxLength: 6 });

const document = fc.record({
  rows: fc.array(row, { maxLength: 12 }),
  newline: fc.constantFrom('\n', '\r\n'),
  delimiter: fc.constantFrom(...DELIMITERS),
  trailingNewline: fc.boolean(),
});

/** RFC 4180 text of the rows; cells that need it are quoted, others at random. */
type Doc = typeof document extends fc.Arbitrary<infer T> ? T : never;

function serialize({ rows, newline, delimiter, trailingNewline }: Doc) {
  const starts: number[] = [];
  let text = '';
  rows.forEach((cells, i) => {
    starts.push(text.length);
    text += cells
      .map(({ value, quote }) => {
        const needs = value.includes(delimiter) || /["\r\n]/.test(value);
        return needs || quote ? `"${value.replaceAll('"', '""')}"` : value;
      })
      .join(delimiter);
    if (i < rows.length - 1 || trailingNewline) text += newline;
  });
  return { text, starts };
}

describe('CsvReader against papaparse', () => {
  it('reads random well-formed CSV as papaparse does, with the right line numbers', () => {
    fc.assert(
      fc.property(document, (doc) => {
        const { text, starts } = serialize(doc);
        const oracle = Papa.parse<string[]>(text, {
          delimiter: doc.delimiter,
          newline: doc.newline,
          quoteChar: '"',
          header: false,
          dynamicTyping: false,
          // Our rule: a line with nothing on it (or only `""`) is no record.
          skipEmptyLines: true,
        });
        const ours = read([text], doc.delimiter);
        // Each record's line is the file line its first character is on.
        const expectedLines = doc.rows
          .map((cells, i) => ({ cells, line: lineBreaks(text.slice(0, starts[i])) + 1 }))
          .filter(({ cells }) => !(cells.length === 1 && cells[0]?.value === ''))
          .map((r) => r.line);
        const actual = { cells: ours.records.map((r) => r.cells), lines: ours.records.map((r) => r.line) };
        const expected = { cells: oracle.data, lines: expectedLines };
        // Compared as JSON first: vitest's deep equality is what costs time over thousands of runs.
        if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
        expect(ours.issues).toHaveLength(0);
      }),
      { numRuns: 10_000 },
    );
  });

  it('reads the same records whatever the chunking, on well-formed CSV', () => {
    fc.assert(
      fc.property(
        document,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        (doc, at) => {
          const { text } = serialize(doc);
          same(read(cut(text, at), doc.delimiter), read([text], doc.delimiter));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reads the same records and issues whatever the chunking, on any text at all', () => {
    const anyText = fc.oneof(
      fc.string({ unit: tricky, maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    fc.assert(
      fc.property(
        anyText,
        fc.constantFrom(...DELIMITERS),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        (text, delimiter, at) => {
          same(read(cut(text, at), delimiter), read([text], delimiter));
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('in one-character chunks too', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: tricky, maxLength: 60 }),
        fc.constantFrom(...DELIMITERS),
        (text, delimiter) => {
          same(read(text.split(''), delimiter), read([text], delimiter));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
