import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from '../../lib/channels/catalog/bundled.ts';
import { ChannelError, createChannelClient } from '../../lib/channels/client.ts';
import { parseCatalog } from '../../lib/channels/parse-catalog.ts';
import { ApplicationView, CreatedApplication } from '../../lib/domain/application.ts';
import { Channel } from '../../lib/domain/channel.ts';
import { LedgerEntry } from '../../lib/domain/records.ts';
import { readPage, recognise } from '../../lib/pages/core/read.ts';
import type { SiteAdapter } from '../../lib/pages/core/types.ts';
import { FAMILIES, loadAdapter } from '../../lib/pages/registry.ts';
import { makePacket } from '../sandbox/testing.ts';

/**
 * The other parsers of untrusted input: dashboard pages (a hostile or broken page), channel
 * catalogs (a hostile catalog URL or file) and channel answers (a malicious or compromised
 * lender). None throws anything but its own declared error, none hangs, none lets a malformed
 * value through.
 */

const TIME_LIMIT_MS = 3000;
const PROPERTY_TIMEOUT = 120_000;
let cases = 0;
afterAll(() => console.info(`fuzz-pages-channels: ${cases} cases`));

/** Text a hostile or broken page puts in cells. */
const HOSTILE_TEXT = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '=HYPERLINK("http://evil.example")',
  '\u202Egnp.exe',
  '\u0000',
  '１２３.４５',
  '-0.00',
  '9'.repeat(400),
  '$1,2,3,4.5.6',
  '2026-02-30',
  '🙂'.repeat(50),
  'x'.repeat(200_000),
];
const cellText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_TEXT.slice(0, -1)) },
  { weight: 1, arbitrary: fc.constant(HOSTILE_TEXT.at(-1) as string) },
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

interface PageFixture {
  adapter: SiteAdapter;
  html: string;
  url: string;
  name: string;
}

const PAGES: PageFixture[] = [];
for (const family of FAMILIES.filter((f) => f.contentScript)) {
  const adapter = await loadAdapter(family.id);
  if (!adapter) continue;
  const dir = join('lib/pages', family.id, 'fixtures');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(dir, file), 'utf8');
    const url = /^<!-- url: (\S+) -->/.exec(html)?.[1] ?? 'https://example.invalid/';
    PAGES.push({ adapter, html, url, name: `${family.id}/${file}` });
  }
}

async function readChecked(f: PageFixture, doc: Document): Promise<void> {
  const started = performance.now();
  const kind = recognise(f.adapter, doc, f.url);
  if (kind?.tables) {
    const outcome = await readPage(kind, doc, f.url, () => new Date('2026-11-29T10:00:00.000Z'));
    if (outcome.ok) {
      for (const entry of outcome.read.entries) {
        const parsed = LedgerEntry.safeParse(entry);
        if (!parsed.success) expect.fail(`${f.name}: malformed ${JSON.stringify(entry).slice(0, 300)}`);
      }
      expect(outcome.read.provenance.url).not.toMatch(/[?#]/);
      for (const s of outcome.read.skipped) expect(s.message.length).toBeGreaterThan(0);
    } else {
      expect(outcome.notice.message.length).toBeGreaterThan(0);
    }
  }
  cases += 1;
  expect(performance.now() - started).toBeLessThan(TIME_LIMIT_MS);
}

describe('dashboard page readers never throw on a hostile or broken page', () => {
  it('has page fixtures with tables', () => {
    expect(PAGES.length).toBeGreaterThan(3);
  });

  it(
    'cells replaced with hostile text, rows deleted or duplicated, header cells swapped',
    async () => {
      const edit = fc.record({
        op: fc.constantFrom(
          'cell',
          'cell',
          'cell',
          'delete-row',
          'duplicate-row',
          'swap-header',
          'nest-table',
        ),
        at: fc.nat(),
        to: fc.nat(),
        text: cellText,
      });
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...PAGES),
          fc.array(edit, { minLength: 1, maxLength: 8 }),
          async (f, edits) => {
            const doc = new DOMParser().parseFromString(f.html, 'text/html');
            for (const e of edits) {
              const cells = [...doc.querySelectorAll('td, th')];
              const rows = [...doc.querySelectorAll('tbody tr')];
              const headers = [...doc.querySelectorAll('thead th')];
              if (e.op === 'cell' && cells.length)
                (cells[e.at % cells.length] as Element).textContent = e.text;
              else if (e.op === 'delete-row' && rows.length) rows[e.at % rows.length]?.remove();
              else if (e.op === 'duplicate-row' && rows.length) {
                const row = rows[e.at % rows.length] as Element;
                row.after(row.cloneNode(true));
              } else if (e.op === 'swap-header' && headers.length > 1) {
                const a = headers[e.at % headers.length] as Element;
                const b = headers[e.to % headers.length] as Element;
                const t = a.textContent;
                a.textContent = b.textContent;
                b.textContent = t;
              } else if (e.op === 'nest-table' && cells.length) {
                (cells[e.at % cells.length] as Element).innerHTML =
                  '<table><tr><th>Total</th></tr><tr><td>1.00</td></tr></table>';
              }
            }
            await readChecked(f, doc);
          },
        ),
        { numRuns: 1500 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'random HTML around and inside the page',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...PAGES),
          fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          async (f, at, junk) => {
            const i = Math.floor(at * f.html.length);
            const html = `${f.html.slice(0, i)}${junk}${f.html.slice(i)}`;
            await readChecked(f, new DOMParser().parseFromString(html, 'text/html'));
          },
        ),
        { numRuns: 1000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

describe('catalogs never throw, and only valid channels get through', () => {
  function checked(text: string): void {
    const started = performance.now();
    const result = parseCatalog(text, 'the catalog');
    cases += 1;
    expect(performance.now() - started).toBeLessThan(TIME_LIMIT_MS);
    if (result.ok) {
      for (const c of result.channels) expect(Channel.safeParse(c).success).toBe(true);
    } else {
      expect(result.errors.length).toBeGreaterThan(0);
      for (const e of result.errors) expect(typeof e === 'string' && e.length > 0).toBe(true);
    }
  }

  it(
    'any JSON value, and any text',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.json({ maxDepth: 6 }), fc.string({ unit: 'binary', maxLength: 300 })),
          checked,
        ),
        { numRuns: 3000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'the bundled catalog with values replaced anywhere in it',
    () => {
      const base = JSON.stringify(BUNDLED_CATALOG);
      const paths: (string | number)[][] = [];
      const walk = (v: unknown, path: (string | number)[]) => {
        paths.push(path);
        if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...path, i]);
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      };
      walk(BUNDLED_CATALOG, []);
      const value = fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(
          'http://evil.example/steal',
          'javascript:alert(1)',
          'https://user:pw@lender.example',
          -1,
          1e308,
          '',
          null,
        ),
      );
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(), value), { minLength: 1, maxLength: 4 }), (edits) => {
          const doc = JSON.parse(base) as Record<string, unknown>;
          for (const [n, v] of edits) {
            const path = paths[n % paths.length] as (string | number)[];
            if (path.length === 0) continue;
            let at: unknown = doc;
            for (const key of path.slice(0, -1)) {
              // An earlier edit may have replaced a parent with a scalar.
              at = at && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined;
            }
            if (at && typeof at === 'object')
              (at as Record<string | number, unknown>)[path.at(-1) as string | number] = v;
          }
          checked(JSON.stringify(doc));
        }),
        { numRuns: 3000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

describe('channel answers: a malicious lender gets a ChannelError, never anything else', () => {
  const body = fc.oneof(
    fc.json({ maxDepth: 4 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom(
      JSON.stringify({ id: 'a', token: 't'.repeat(20), status: 'submitted' }),
      JSON.stringify({ id: 'a', token: 't'.repeat(20), status: 'submitted', __proto__: { admin: true } }),
      JSON.stringify({ error: { code: 'x'.repeat(10_000), message: 'm' } }),
      '{"id":"a","channelId":"c","status":"funded","detail":{},"events":[],"offers":[],"requests":[]}',
      '[]',
      'null',
    ),
  );
  const status = fc.constantFrom(200, 201, 202, 204, 301, 400, 401, 404, 409, 422, 429, 500, 503, 504);

  it(
    'on create and read, with any status and body',
    async () => {
      await fc.assert(
        fc.asyncProperty(status, body, fc.boolean(), async (code, text, create) => {
          const client = createChannelClient({
            baseUrl: 'https://lender.example/api',
            fetch: async () =>
              new Response(code === 204 ? null : text, {
                status: code,
                headers: code >= 300 && code < 400 ? { location: 'http://evil.example/' } : {},
              }),
          });
          cases += 1;
          try {
            const value = create
              ? await client.create(makePacket('sandbox-platform-direct'), 'key-1')
              : await client.read('a', 't'.repeat(20));
            // Whatever got through is exactly what the schema allows.
            expect((create ? CreatedApplication : ApplicationView).safeParse(value).success).toBe(true);
            expect(code).toBeGreaterThanOrEqual(200);
            expect(code).toBeLessThan(300);
          } catch (error) {
            if (!(error instanceof ChannelError)) throw error;
            expect(error.message.length).toBeGreaterThan(0);
            expect(error.message.length).toBeLessThan(12_000);
          }
        }),
        { numRuns: 3000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
