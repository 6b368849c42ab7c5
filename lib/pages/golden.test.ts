import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  nextPageUrl,
  type PageOutcome,
  readPage,
  readReportFile,
  recognise,
  reportLinks,
} from './core/read.ts';
import { FAMILIES, loadAdapter } from './registry.ts';

const NOW = () => new Date('2026-11-29T10:00:00.000Z');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** A fixture's page URL is on its first line: `<!-- url: … -->`. */
function fixtureUrl(html: string): string {
  const match = /^<!-- url: (\S+) -->/.exec(html);
  if (!match?.[1]) throw new Error('fixture has no url comment');
  return match[1];
}

/** A page read as the golden files hold it: skipped rows with their English message only. */
function plain(read: PageOutcome): unknown {
  if (!read.ok) return read;
  const worded = read.read.skipped;
  // Every skipped row carries its code and params too (what the panel translates).
  for (const s of worded) expect(s.code, s.message).toBeDefined();
  return {
    ...read,
    read: { ...read.read, skipped: worded.map(({ row, column, message }) => ({ row, column, message })) },
  };
}

function golden(path: string, actual: unknown) {
  const expectedPath = `${path}.expected.json`;
  if (UPDATE || !existsSync(expectedPath))
    writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
  expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
}

describe('page readers: HTML fixtures → golden output', () => {
  for (const family of FAMILIES.filter((f) => f.contentScript)) {
    const dir = join('lib/pages', family.id, 'fixtures');
    const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
    it(`${family.id} has HTML fixtures`, () => {
      expect(files.length).toBeGreaterThan(0);
    });
    for (const file of files) {
      it(`${family.id}/${file}`, async () => {
        const adapter = await loadAdapter(family.id);
        if (!adapter) throw new Error(`no adapter for ${family.id}`);
        const html = readFileSync(join(dir, file), 'utf8');
        const url = fixtureUrl(html);
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const kind = recognise(adapter, doc, url);
        const out: Record<string, unknown> = { page: kind?.id ?? null };
        if (kind?.tables) {
          const read = plain(await readPage(kind, doc, url, NOW)) as PageOutcome;
          out.read = read.ok ? { ...read.read, provenance: { ...read.read.provenance, sha256: '…' } } : read;
          out.next = nextPageUrl(kind, doc, url) ?? null;
        }
        if (kind?.reports) out.reports = reportLinks(kind, doc, url);
        golden(join(dir, file), out);
      });
    }
    const reportFiles = readdirSync(dir).filter((f) => /\.(txt|csv)$/.test(f));
    for (const file of reportFiles) {
      it(`${family.id}/${file} (downloaded report)`, async () => {
        const adapter = await loadAdapter(family.id);
        const kind = adapter?.pages.find((p) => p.reports);
        if (!kind) throw new Error('no report page');
        const bytes = new Uint8Array(readFileSync(join(dir, file)));
        const read = await readReportFile(
          kind,
          { url: `https://example.invalid/reports/${file}?token=secret`, label: file },
          bytes,
          NOW,
        );
        golden(join(dir, file), plain(read));
      });
    }
  }
});

describe('registry', () => {
  it('lists every family of the issue, with host patterns, a content script, a reader script and an adapter', async () => {
    expect(FAMILIES.map((f) => f.id).sort()).toEqual(
      [
        'alibaba',
        'aliexpress',
        'amazon',
        'demo',
        'dhgate',
        'ebay',
        'etsy',
        'paypal',
        'shopify',
        'stripe',
        'walmart',
      ].sort(),
    );
    for (const family of FAMILIES) {
      expect(family.contentScript, family.id).toBe(true);
      expect(family.matches.length).toBeGreaterThan(0);
      expect(existsSync(`entrypoints/${family.id}.content.ts`), family.id).toBe(true);
      expect(existsSync(`entrypoints/${family.id}-reader.ts`), family.id).toBe(true);
      const adapter = await loadAdapter(family.id);
      expect(adapter?.matches).toEqual(family.matches);
      expect(adapter?.label).toBe(family.label);
      expect(adapter?.pages.length ?? 0, family.id).toBeGreaterThan(0);
    }
  });

  it('has, for every page kind of every adapter, an HTML fixture it recognises', async () => {
    for (const family of FAMILIES) {
      const adapter = await loadAdapter(family.id);
      const dir = join('lib/pages', family.id, 'fixtures');
      const recognised = new Set<string>();
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
        const html = readFileSync(join(dir, file), 'utf8');
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const kind = adapter && recognise(adapter, doc, fixtureUrl(html));
        if (kind) recognised.add(kind.id);
      }
      expect([...recognised].sort(), family.id).toEqual(adapter?.pages.map((p) => p.id).sort());
    }
  });

  it('keeps each content script to its own hosts, and each reader reachable from those hosts only', async () => {
    const { readerResources } = await import('./registry.ts');
    const resources = readerResources();
    for (const family of FAMILIES) {
      const text = readFileSync(`entrypoints/${family.id}.content.ts`, 'utf8');
      expect(text).toContain(`matches: [...${family.id.toUpperCase()}_SITE.matches]`);
      expect(text).toContain(`'/${family.id}-reader.js'`);
      const entry = resources.find((r) => r.resources.includes(`${family.id}-reader.js`));
      const origins = new Set(family.matches.map((m) => new URL(m.replace('*.', 'wildcard.')).origin));
      expect(entry?.matches.map((m) => new URL(m.replace('*.', 'wildcard.')).origin).sort()).toEqual(
        [...origins].sort(),
      );
    }
  });

  it('uses no positional selectors', async () => {
    for (const family of FAMILIES) {
      const text = readFileSync(`lib/pages/${family.id}/selectors.ts`, 'utf8');
      expect(text).not.toMatch(/nth-(child|of-type)|:first-child|:last-child/);
    }
  });
});
