import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILIES, loadAdapter } from '../../lib/pages/registry.ts';
import { askTabs, type Launched, launchWithExtension, openPanel } from './browser.ts';

/**
 * Every marketplace's content script and reader, in Chromium, on its real hosts: the browser is
 * served each HTML fixture at the URL it was modelled on (no request leaves the machine), the
 * popup's message asks the tab to read it, and what the panel reports matches the golden output.
 */

interface Outcome {
  page: string | null;
  lines: { source: string; rows: number; records: number; skipped: unknown[] }[];
  notices: { message: string }[];
}

interface Golden {
  page: string | null;
  read?:
    | { entries: unknown[]; skipped: unknown[]; provenance: { rows: number } }
    | { ok: false; message: string };
  reports?: { url: string }[];
}

const fixtureUrl = (html: string) => /^<!-- url: (\S+) -->/.exec(html)?.[1] ?? '';

describe('the site adapters in Chromium, on their own hosts', () => {
  let browser: Launched;

  beforeAll(async () => {
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const family of FAMILIES.filter((f) => f.id !== 'demo')) {
    const dir = join('lib/pages', family.id, 'fixtures');
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
    const reportFile = readdirSync(dir).find((f) => /\.(txt|csv)$/.test(f));

    it(`${family.id}: reads every fixture page as the golden output says`, async () => {
      const adapter = await loadAdapter(family.id);
      const firstReportPage = adapter?.pages.find((p) => p.reports)?.id;
      for (const file of pages) {
        const html = readFileSync(join(dir, file), 'utf8');
        const golden = JSON.parse(readFileSync(join(dir, `${file}.expected.json`), 'utf8')) as Golden;
        const url = fixtureUrl(html);
        const page = await browser.context.newPage();
        await page.route('**/*', (route) => {
          const requested = route.request().url();
          if (requested.startsWith('chrome-extension://')) return route.continue(); // the reader
          if (requested === url)
            return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
          if (reportFile && golden.reports?.some((r) => r.url === requested)) {
            return route.fulfill({ contentType: 'text/plain', body: readFileSync(join(dir, reportFile)) });
          }
          return route.fulfill({ status: 404, body: '' });
        });
        await page.goto(url);
        await openPanel(page);
        const importReports = golden.page === firstReportPage && reportFile !== undefined;
        const outcome = (await askTabs(browser, {
          channel: 'tradeline/page',
          type: 'readPage',
          ...(importReports ? { reports: 'all' } : {}),
        })) as Outcome;
        const label = adapter?.pages.find((p) => p.id === golden.page)?.label ?? null;
        expect(outcome.page, file).toBe(label);
        if (golden.page === null) {
          expect(outcome.notices[0]?.message, file).toMatch(/does not recognise this/);
        } else if (golden.read && 'entries' in golden.read) {
          expect(
            outcome.lines.map((l) => [l.rows, l.records, l.skipped.length]),
            file,
          ).toEqual([[golden.read.provenance.rows, golden.read.entries.length, golden.read.skipped.length]]);
        } else if (importReports) {
          const report = JSON.parse(readFileSync(join(dir, `${reportFile}.expected.json`), 'utf8')) as {
            read: { entries: unknown[] };
          };
          expect(
            outcome.lines.map((l) => l.records),
            file,
          ).toEqual((golden.reports ?? []).map(() => report.read.entries.length));
          expect(outcome.notices, file).toEqual([]);
        } else {
          expect(outcome.lines, file).toEqual([]);
          expect(outcome.notices[0]?.message, file).toMatch(/lists \d+ reports|lists no reports/);
        }
        await page.close();
      }
    });
  }
});
