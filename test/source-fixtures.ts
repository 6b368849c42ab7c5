import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { plainIssue } from '../lib/import/issues.ts';
import { readReport } from '../lib/import/read.ts';
import { FORMATS } from '../lib/sources/registry.ts';

export const SOURCES_DIR = resolve('lib/sources');

/** Every fixture file under `lib/sources/<platform>/fixtures/` (goldens and notes excluded). */
export function fixtureFiles(): string[] {
  return readdirSync(SOURCES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      const dir = join(SOURCES_DIR, d.name, 'fixtures');
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((f) => !f.endsWith('.expected.json') && !f.endsWith('.md'))
        .map((f) => join(dir, f));
    })
    .sort();
}

/** Reads a fixture (or any report file) with every registered format, as the extension would. */
export function readFixture(path: string) {
  const bytes = readFileSync(path);
  const importId = createHash('sha256').update(bytes).digest('hex');
  const name = path.split('/').at(-1) as string;
  // With its size, as the command line and the import worker read files (readers size their tables).
  const result = readReport(bytes, { fileName: name, importId, formats: FORMATS, fileBytes: bytes.length });
  return {
    importId,
    format: result.format?.id ?? null,
    encoding: result.encoding,
    headerLine: result.headerLine ?? null,
    rows: result.rows,
    issues: result.issues.map(plainIssue),
    /** The issues with their codes and params (what the pages translate). */
    worded: result.issues,
    entries: result.entries,
  };
}
