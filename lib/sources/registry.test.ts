import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, SOURCES_DIR } from '../../test/source-fixtures.ts';
import { StreamDecoder } from '../import/decode.ts';
import { findHeader } from '../import/read.ts';
import { FORMATS } from './registry.ts';

function decode(path: string): string {
  const decoder = new StreamDecoder();
  return decoder.push(readFileSync(path)) + decoder.end();
}

/** Fixtures are named `<format-id>[.<variant>].<ext>`; the unknown ones start with `unknown`. */
function formatIdOf(path: string): string {
  return (path.split('/').at(-1) as string).split('.')[0] as string;
}

describe('format registry', () => {
  it('has unique ids, each prefixed by its platform', () => {
    const ids = FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of FORMATS) expect(f.id.startsWith(`${f.platform}-`), f.id).toBe(true);
  });

  it('registers every format defined in a platform folder', () => {
    const platformsWithCode = readdirSync(SOURCES_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    for (const platform of platformsWithCode) {
      const files = readdirSync(join(SOURCES_DIR, platform)).filter(
        (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && !f.startsWith('_'),
      );
      for (const file of files) {
        const source = readFileSync(join(SOURCES_DIR, platform, file), 'utf8');
        for (const [, id] of source.matchAll(/\bid: '([a-z0-9-]+)'/g)) {
          expect(
            FORMATS.map((f) => f.id),
            `${platform}/${file} defines ${id}`,
          ).toContain(id);
        }
      }
    }
  });

  it('every format has at least one fixture with a golden file', () => {
    const covered = new Set(fixtureFiles().map(formatIdOf));
    for (const f of FORMATS) expect(covered.has(f.id), `${f.id} has no fixture`).toBe(true);
  });

  for (const path of fixtureFiles()) {
    const name = path.slice(SOURCES_DIR.length + 1);
    const expected = formatIdOf(path);
    it(`${name} is identified by exactly ${expected === 'unknown' ? 'no format' : `one format (${expected})`}`, () => {
      const text = decode(path);
      const matching = FORMATS.filter((f) => findHeader(text, [f]) !== undefined).map((f) => f.id);
      if (expected === 'unknown') expect(matching).toEqual([]);
      else expect(matching).toEqual([expected]);
    });
  }
});
