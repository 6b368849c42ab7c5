import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../source-fixtures.ts';

/*
 * No real eBay export has been found (FORMATS.md section 3): the eBay formats are checked against
 * fixtures written from the documented headers and the quirks parsers report. These tests read
 * real files as soon as someone drops them into `shared/real-reports/ebay-orders/<source>/` or
 * `shared/real-reports/ebay-transactions/<source>/`; until then they are skipped. Totals for such
 * files must then be computed independently (python3 over the raw CSV) and asserted here.
 */
const dir = resolve('..', 'shared', 'real-reports');

function filesIn(folder: string): string[] {
  const root = join(dir, folder);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(root, d.name)).map((f) => join(root, d.name, f)));
}

for (const [folder, format] of [
  ['ebay-orders', 'ebay-orders'],
  ['ebay-transactions', 'ebay-transactions'],
] as const) {
  describe.skipIf(!existsSync(join(dir, folder)))(`${format} over the real reports`, () => {
    it(`reads every file in ${folder}/ as ${format}, with no issues and one order per order number`, () => {
      for (const path of filesIn(folder)) {
        const read = readFixture(path);
        expect(read.format, path).toBe(format);
        expect(read.issues, path).toEqual([]);
        const orders = read.entries.filter((e) => e.kind === 'order');
        expect(orders.length, path).toBeGreaterThan(0);
        expect(new Set(orders.map((e) => e.key)).size, path).toBe(orders.length);
      }
    });
  });
}
