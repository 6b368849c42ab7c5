import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, SOURCES_DIR } from '../../test/source-fixtures.ts';
import { readReport } from '../import/read.ts';
import { FORMATS } from './registry.ts';

const read = (text: string, fileName: string) =>
  readReport(new TextEncoder().encode(text), { fileName, importId: 'f'.repeat(64), formats: FORMATS });

/**
 * The ledger trusts that one file never gives the same key twice (see ReportFormat.uniqueKeys).
 * Here every fixture is read again with all its data rows pasted twice, as when a seller joins
 * two overlapping downloads: no key may come out twice, whatever the format.
 */
describe('a file whose rows are all repeated', () => {
  for (const path of fixtureFiles()) {
    const name = path.slice(SOURCES_DIR.length + 1);
    const text = new TextDecoder().decode(readFileSync(path));
    const once = read(text, name);
    // UTF-16 and Windows-1252 fixtures are about decoding; the UTF-8 ones cover every format.
    if (!once.format || once.headerLine === undefined || text.includes('\uFFFD')) continue;
    it(`${name} (${once.format.id}) gives each key once`, () => {
      const lines = text.split(/\r?\n/);
      const data = lines.slice(once.headerLine).filter((l) => l.trim() !== '');
      const doubled = [...lines.slice(0, once.headerLine), ...data, ...data].join('\n');
      const keys = read(doubled, name).entries.map((e) => e.key);
      expect(new Set(keys).size).toBe(keys.length);
    });
  }
});

describe("a format keyed by the file's own ids", () => {
  it('counts a transaction repeated on two rows once, and says so', () => {
    // A transaction of a PayPal activity download (keyed by its Transaction ID), on two rows.
    const path = `${SOURCES_DIR}/paypal/fixtures/paypal-activity.csv`;
    const [header = '', ...rows] = readFileSync(path, 'utf8').split(/\r?\n/);
    // The first whole row (no quoted line break) that moved money (some are memo rows).
    const row = rows.find((r) => {
      const alone = read(`${header}\n${r}\n`, 'Download.CSV');
      return alone.entries.length > 0 && alone.issues.length === 0;
    });
    const once = read(`${header}\n${row}\n`, 'Download.CSV');
    const twice = read(`${header}\n${row}\n${row}\n`, 'Download.CSV');
    expect(once.format?.id).toBe('paypal-activity');
    expect(once.entries.length).toBeGreaterThan(0);
    expect(twice.entries).toEqual(once.entries);
    const n = once.entries.length;
    expect(twice.issues.map((i) => i.message)).toContain(
      `"Download.CSV" repeats ${n} ${n === 1 ? 'record' : 'records'} it already has (the same ids on more than one row, as when two downloads are pasted together); each was counted once.`,
    );
  });
});
