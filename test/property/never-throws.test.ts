import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LedgerEntry } from '../../lib/domain/records.ts';
import { parseAmount } from '../../lib/import/amounts.ts';
import { readCsv } from '../../lib/import/csv.ts';
import { parseDate } from '../../lib/import/dates.ts';
import { StreamDecoder } from '../../lib/import/decode.ts';
import { normalizeHeaderCell } from '../../lib/import/header.ts';
import { findHeader, type ReadResult, readReport } from '../../lib/import/read.ts';
import type { AnyReportFormat } from '../../lib/sources/format.ts';
import { FORMATS } from '../../lib/sources/registry.ts';
import { fixtureFiles } from '../source-fixtures.ts';

/**
 * Whatever a seller drops on the import page, the reader returns: never throws, never hangs,
 * never emits a malformed record, and says so when it could not read an amount or a date.
 * Every registered format is exercised through its fixtures (and the unknown-file fixtures),
 * mangled the ways files get mangled: bytes, truncation, rows, cells, quotes, encodings, columns.
 */

const IMPORT_ID = 'c'.repeat(64);
/** One file, however mangled, is read within this (the whole file takes milliseconds). */
const TIME_LIMIT_MS = 3000;

interface Fixture {
  name: string;
  /** The format that recognises the unmangled file (undefined for unknown files). */
  format: AnyReportFormat | undefined;
  bytes: Uint8Array;
  text: string;
  /** Delimiter of the recognised header, ',' for unknown files. */
  delimiter: string;
  /** Records as read from the text; `headerAt` indexes the header record (-1: no format). */
  records: string[][];
  headerAt: number;
}

function decode(bytes: Uint8Array): string {
  const decoder = new StreamDecoder();
  return decoder.push(bytes) + decoder.end();
}

function load(path: string): Fixture {
  const bytes = new Uint8Array(readFileSync(path));
  const text = decode(bytes);
  const match = findHeader(text, FORMATS);
  const delimiter = match?.delimiter ?? ',';
  const { records } = readCsv(text, delimiter);
  return {
    name: path.split('/').at(-1) as string,
    format: match?.format,
    bytes,
    text,
    delimiter,
    records: records.map((r) => r.cells),
    headerAt: match ? records.findIndex((r) => r.line === match.line) : -1,
  };
}

const unknownDir = resolve('test/fixtures/unknown');
const FIXTURES: Fixture[] = [
  ...fixtureFiles(),
  ...readdirSync(unknownDir)
    .filter((f) => f.startsWith('unknown'))
    .map((f) => join(unknownDir, f)),
].map(load);
const RECOGNISED = FIXTURES.filter((f) => f.headerAt >= 0);
const BY_NAME = new Map(FIXTURES.map((f) => [f.name, f]));
const fixtureNamed = (name: string) => BY_NAME.get(name) as Fixture;

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function serialize(records: readonly (readonly string[])[], delimiter: string): string {
  const quote = (cell: string) =>
    cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  return `${records.map((cells) => cells.map(quote).join(delimiter)).join('\n')}\n`;
}

let cases = 0;
let slowest = 0;
afterAll(() => {
  console.info(`never-throws: ${cases} files read, slowest ${slowest.toFixed(1)} ms`);
});

/**
 * Reads `bytes` as the extension would and checks what holds for any file at all. `formats`
 * is every registered format (what the extension passes), or the fixture's own format only, so
 * that a mangled header still reaches that format's reader when another one would win.
 */
function readChecked(bytes: Uint8Array, f: Fixture, all = true): ReadResult {
  const formats = all || !f.format ? FORMATS : [f.format];
  const started = performance.now();
  const result = readReport(bytes, { fileName: f.name, importId: IMPORT_ID, formats });
  const ms = performance.now() - started;
  cases += 1;
  slowest = Math.max(slowest, ms);
  expect(ms, `${f.name} took ${ms} ms`).toBeLessThan(TIME_LIMIT_MS);
  expect(result.records).toBe(result.entries.length);
  expect(result.rows).toBeGreaterThanOrEqual(0);
  for (const issue of result.issues) {
    if (issue.row !== null)
      expect(Number.isInteger(issue.row) && issue.row >= 1, JSON.stringify(issue)).toBe(true);
    expect(typeof issue.message === 'string' && issue.message.length > 0).toBe(true);
    expect(issue.field === null || typeof issue.field === 'string').toBe(true);
  }
  if (!result.format) {
    expect(result.entries).toEqual([]);
    expect(result.issues[0]?.message).toMatch(/is not a report Tradeline can read/);
  }
  for (const entry of result.entries) {
    const parsed = LedgerEntry.safeParse(entry);
    if (!parsed.success)
      expect.fail(`${f.name}: malformed entry ${JSON.stringify(entry)}: ${parsed.error.message}`);
    expect(entry.importId).toBe(IMPORT_ID);
  }
  // One file never gives one key twice (numbered, merged or dropped as repeats): the ledger relies on it.
  const keys = new Set(result.entries.map((e) => e.key));
  if (keys.size !== result.entries.length) expect.fail(`${f.name}: a dedupe key was emitted twice`);
  return result;
}

/** What a seller sees of a read: same entries, same issues. */
const outcome = (r: ReadResult) =>
  JSON.stringify({ format: r.format?.id, entries: r.entries, issues: r.issues });

const fixture = fc.constantFrom(...FIXTURES.map((f) => f.name));
/** All registered formats (what the extension passes) in one case out of two, else the fixture's own. */
const allFormats = fc.boolean();
const PROPERTY_TIMEOUT = 60_000;

/** Cell contents that are neither an amount nor a date, some of them huge. */
const GARBAGE = [
  '12.x0',
  'hello',
  '#VALUE!',
  '2022-13-01',
  '€€',
  '1e999',
  '=HYPERLINK("x")',
  '\u0000\u0001',
  '😀😀',
  'x'.repeat(100_001),
  `${'9'.repeat(120_000)}.x`,
  'é'.repeat(60_000),
];
const garbage = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...GARBAGE.slice(0, 9)) },
  { weight: 1, arbitrary: fc.constantFrom(...GARBAGE.slice(9)) },
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

describe('readReport never throws, never hangs, never emits a malformed record', () => {
  it('has fixtures of registered formats to mangle', () => {
    expect(RECOGNISED.length).toBeGreaterThan(0);
    // Formats without a fixture are not exercised here (registry.test.ts asks for one each).
    const covered = new Set(RECOGNISED.map((f) => f.format?.id));
    console.info(
      `never-throws: ${covered.size}/${FORMATS.length} formats exercised, ${FIXTURES.length} fixtures`,
    );
  });

  it('reads every fixture as it is', () => {
    for (const f of FIXTURES) readChecked(f.bytes, f);
  });

  it(
    'random bytes set, inserted or deleted',
    () => {
      const edit = fc.record({
        at: fraction,
        byte: fc.integer({ min: 0, max: 255 }),
        op: fc.constantFrom('set', 'insert', 'delete'),
      });
      fc.assert(
        fc.property(
          fixture,
          allFormats,
          fc.array(edit, { minLength: 1, maxLength: 24 }),
          (name, all, edits) => {
            const f = fixtureNamed(name);
            const bytes = [...f.bytes];
            for (const { at, byte, op } of edits) {
              const i = Math.floor(at * bytes.length);
              if (op === 'set' && i < bytes.length) bytes[i] = byte;
              else if (op === 'insert') bytes.splice(i, 0, byte);
              else bytes.splice(i, 1);
            }
            readChecked(Uint8Array.from(bytes), f, all);
          },
        ),
        { numRuns: 3500 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'truncated at any point (an interrupted download)',
    () => {
      fc.assert(
        fc.property(fixture, allFormats, fraction, (name, all, at) => {
          const f = fixtureNamed(name);
          readChecked(f.bytes.subarray(0, Math.floor(at * f.bytes.length)), f, all);
        }),
        { numRuns: 4000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'rows duplicated, deleted and moved',
    () => {
      const edit = fc.record({
        from: fraction,
        to: fraction,
        op: fc.constantFrom('duplicate', 'delete', 'move'),
      });
      fc.assert(
        fc.property(
          fixture,
          allFormats,
          fc.array(edit, { minLength: 1, maxLength: 10 }),
          (name, all, edits) => {
            const f = fixtureNamed(name);
            const lines = f.text.split(/(?<=\n)/);
            for (const { from, to, op } of edits) {
              const i = Math.floor(from * lines.length);
              const j = Math.floor(to * lines.length);
              const [line] = op === 'duplicate' ? [lines[i]] : lines.splice(i, 1);
              if (line !== undefined && op !== 'delete') lines.splice(j, 0, line);
            }
            readChecked(utf8(lines.join('')), f, all);
          },
        ),
        { numRuns: 3000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'cells replaced with garbage, some of it 100 kB and more',
    () => {
      fc.assert(
        fc.property(
          fixture,
          allFormats,
          fc.array(fc.tuple(fc.nat(), fc.nat(), garbage), { minLength: 1, maxLength: 4 }),
          (name, all, edits) => {
            const f = fixtureNamed(name);
            const records = f.records.map((r) => [...r]);
            if (records.length === 0) return;
            for (const [r, c, value] of edits) {
              const cells = records[r % records.length] as string[];
              cells[c % cells.length] = value;
            }
            readChecked(utf8(serialize(records, f.delimiter)), f, all);
          },
        ),
        { numRuns: 2000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'broken quoting: quotes added, removed, never closed',
    () => {
      const edit = fc.record({
        at: fraction,
        op: fc.oneof(
          { weight: 20, arbitrary: fc.constantFrom('insert', 'remove') },
          { weight: 1, arbitrary: fc.constant('open-huge') },
        ),
      });
      fc.assert(
        fc.property(
          fixture,
          allFormats,
          fc.array(edit, { minLength: 1, maxLength: 6 }),
          (name, all, edits) => {
            const f = fixtureNamed(name);
            let text = f.text;
            for (const { at, op } of edits) {
              const i = Math.floor(at * text.length);
              if (op === 'insert') text = `${text.slice(0, i)}"${text.slice(i)}`;
              else if (op === 'open-huge')
                text = `${text.slice(0, i)}"${'y'.repeat(60_000)},${'z '.repeat(30_000)}\n${text.slice(i)}`;
              else {
                const q = text.indexOf('"', i);
                if (q >= 0) text = text.slice(0, q) + text.slice(q + 1);
              }
            }
            readChecked(utf8(text), f, all);
          },
        ),
        { numRuns: 2000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'wrong encodings, then mangled bytes',
    () => {
      fc.assert(
        fc.property(
          fixture,
          allFormats,
          fc.constantFrom(...ENCODINGS.map(([encoding]) => encoding)),
          fc.array(fc.tuple(fraction, fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
          (name, all, encoding, edits) => {
            const f = fixtureNamed(name);
            const encode = ENCODINGS.find(([e]) => e === encoding)?.[1] as (text: string) => Uint8Array;
            const bytes = encode(f.text);
            for (const [at, byte] of edits) bytes[Math.floor(at * bytes.length)] = byte;
            readChecked(bytes, f, all);
          },
        ),
        { numRuns: 2500 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

/** Encodings a file may have been re-saved in; `true` when the text survives the trip whole. */
const ENCODINGS: readonly (readonly [string, (text: string) => Uint8Array, boolean])[] = [
  ['UTF-16LE with BOM', (t) => utf16(`\uFEFF${t}`, 'le'), true],
  ['UTF-16BE with BOM', (t) => utf16(`\uFEFF${t}`, 'be'), true],
  ['UTF-16LE without BOM', (t) => utf16(t, 'le'), true],
  ['UTF-16BE without BOM', (t) => utf16(t, 'be'), true],
  ['UTF-8 with BOM', (t) => utf8(`\uFEFF${t}`), true],
  ['Windows-1252', (t) => cp1252(t), false],
  ['UTF-8 read as Windows-1252 and saved as UTF-8 (mojibake)', (t) => utf8(decodeAs1252(utf8(t))), false],
];

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 * i + (order === 'le' ? 0 : 1)] = unit & 0xff;
    bytes[2 * i + (order === 'le' ? 1 : 0)] = unit >> 8;
  }
  return bytes;
}

const HIGH_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Windows-1252, with `?` for what it cannot hold (as Excel does). */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from(text.replace(/^\uFEFF/, ''), (c) => {
    const at = HIGH_1252.indexOf(c);
    if (at >= 0) return 0x80 + at;
    const code = c.charCodeAt(0);
    return code <= 0xff && (code < 0x80 || code > 0x9f) ? code : 0x3f;
  });
}

const representableIn1252 = (text: string) =>
  [...text.replace(/^\uFEFF/, '')].every((c) => c.charCodeAt(0) <= 0xff || HIGH_1252.includes(c));

function decodeAs1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes)
    out += byte >= 0x80 && byte <= 0x9f ? (HIGH_1252[byte - 0x80] as string) : String.fromCharCode(byte);
  return out;
}

describe('readReport reads a re-saved file as its original', () => {
  for (const f of RECOGNISED) {
    for (const [encoding, encode, whole] of ENCODINGS) {
      const comparable = whole || (encoding === 'Windows-1252' && representableIn1252(f.text));
      if (!comparable) continue;
      it(`${f.name} re-saved as ${encoding}`, () => {
        const result = readChecked(encode(f.text), f);
        expect(outcome(result)).toBe(outcome(readChecked(utf8(f.text), f)));
      });
    }
  }
});

/** The unmangled file re-serialised, read once: what the mangled versions are compared with. */
const baselines = new Map<string, ReadResult>();
function baseline(f: Fixture): ReadResult {
  let result = baselines.get(f.name);
  if (!result) {
    result = readChecked(utf8(serialize(f.records, f.delimiter)), f, false);
    baselines.set(f.name, result);
  }
  return result;
}

const recognised = fc.constantFrom(...RECOGNISED.map((f) => f.name));

describe('readReport finds columns by name, wherever they are', () => {
  it(
    'swapping two columns (header and rows) changes nothing a seller sees',
    () => {
      fc.assert(
        fc.property(recognised, fc.nat(), fc.nat(), (name, a, b) => {
          const f = fixtureNamed(name);
          const header = f.records[f.headerAt] as string[];
          const [i, j] = [a % header.length, b % header.length];
          const names = header.map(normalizeHeaderCell);
          if (i === j || names.indexOf(names[i] as string) !== i || names.indexOf(names[j] as string) !== j)
            return;
          const swapped = f.records.map((cells, k) => {
            if (k < f.headerAt || cells.length <= Math.min(i, j)) return cells;
            const out = [...cells];
            while (out.length <= Math.max(i, j)) out.push('');
            [out[i], out[j]] = [out[j] as string, out[i] as string];
            return out;
          });
          const after = readChecked(utf8(serialize(swapped, f.delimiter)), f, false);
          expect(outcome(after), `${name}: columns "${header[i]}" and "${header[j]}" swapped`).toBe(
            outcome(baseline(f)),
          );
        }),
        { numRuns: 1500 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

/** Data cells that hold an amount with decimals or a date: the ones a reader must not misread silently. */
function numericCells(f: Fixture): { record: number; cell: number }[] {
  const width = (f.records[f.headerAt] as string[]).length;
  const out: { record: number; cell: number }[] = [];
  f.records.forEach((cells, record) => {
    if (record <= f.headerAt) return;
    cells.slice(0, width).forEach((text, cell) => {
      const amount = /\d[.,]\d/.test(text) && typeof parseAmount(text) === 'number';
      const date = (['ymd', 'mdy', 'dmy'] as const).some((o) => parseDate(text, o) !== undefined);
      if (amount || date) out.push({ record, cell });
    });
  });
  return out;
}

/** Amounts and dates as a seller sees them (dedupe keys left out: some fall back on other ids). */
const figures = (r: ReadResult) => JSON.stringify(r.entries.map(({ key: _key, ...entry }) => entry));

describe('readReport reports the amounts and dates it cannot read', () => {
  const candidates = new Map(RECOGNISED.map((f) => [f.name, numericCells(f)]));
  const withCells = RECOGNISED.filter((f) => (candidates.get(f.name) ?? []).length > 0).map((f) => f.name);

  it(
    'a mangled amount or date cell changes nothing, or is reported on its line',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...withCells),
          fc.nat(),
          fc.constantFrom(...GARBAGE.slice(0, 5), GARBAGE[9] as string),
          (name, pick, value) => {
            const f = fixtureNamed(name);
            const cells = candidates.get(name) ?? [];
            const { record, cell } = cells[pick % cells.length] as { record: number; cell: number };
            const mangled = f.records.map((r) => [...r]);
            (mangled[record] as string[])[cell] = value;
            const text = serialize(mangled, f.delimiter);
            const line = readCsv(text, f.delimiter).records[record]?.line;
            const after = readChecked(utf8(text), f, false);
            if (figures(after) === figures(baseline(f))) return;
            const header = f.records[f.headerAt]?.[cell];
            expect(
              after.issues.filter((i) => i.row === line),
              `${name}: "${f.records[record]?.[cell]}" in column "${header}" on line ${line} became "${value.slice(0, 20)}" and the entries changed without an issue`,
            ).not.toEqual([]);
          },
        ),
        { numRuns: 2000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
