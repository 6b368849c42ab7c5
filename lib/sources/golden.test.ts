import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, readFixture, SOURCES_DIR } from '../../test/source-fixtures.ts';

/**
 * Golden tests: every fixture under `lib/sources/<platform>/fixtures/` is read and compared
 * with `<fixture>.expected.json` beside it. `UPDATE_GOLDEN=1` writes missing or changed goldens:
 * read every diff before committing one.
 */
describe('golden fixtures', () => {
  for (const path of fixtureFiles()) {
    const name = path.slice(SOURCES_DIR.length + 1);
    it(name, () => {
      const { importId, worded: _worded, ...actual } = readFixture(path);
      // importId is the file's hash: checked here once, left out of the golden file.
      for (const entry of actual.entries) expect(entry.importId).toBe(importId);
      // One file never gives one key twice (MonthlyLedger relies on it; see unique-keys.test.ts).
      expect(new Set(actual.entries.map((e) => e.key)).size).toBe(actual.entries.length);
      const comparable = { ...actual, entries: actual.entries.map(({ importId: _id, ...entry }) => entry) };
      const expectedPath = `${path}.expected.json`;
      if (process.env.UPDATE_GOLDEN === '1') {
        writeFileSync(expectedPath, `${JSON.stringify(comparable, null, 1)}\n`);
      }
      expect(existsSync(expectedPath), `${expectedPath} is missing (UPDATE_GOLDEN=1 writes it)`).toBe(true);
      expect(comparable).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
