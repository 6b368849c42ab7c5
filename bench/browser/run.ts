/**
 * `npm run bench:browser [-- storage paint content import]`: builds the extension and measures
 * it in headless Debian Chromium, each figure next to a baseline measured in the same run
 * (issue 10). Prints a Markdown report (copied into docs/performance.md) and writes the raw
 * figures to $BENCH_DIR/browser-results.json.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { FIRST_DATA_MARK } from '../../components/common/marks.ts';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  type Launched,
  launchWithExtension,
  serveHtml,
} from '../../test/e2e/browser.ts';
import { generateDashboard } from '../../test/sandbox/dashboard/data.ts';
import { ordersPage } from '../../test/sandbox/dashboard/pages.ts';
import { ensurePayments } from '../generate.ts';
import { BENCH_ROOT, buildBenchExtension } from './extension.ts';
import { writeFloorExtension } from './floor-extension.ts';
import { attachHeapProbe, type HeapFigure } from './heap.ts';
import { type MemorySample, sampleMemory, splitText, watchMemory } from './memory.ts';
import type { StorageResult } from './page.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const ALL = ['storage', 'paint', 'content', 'import'] as const;
type Part = (typeof ALL)[number];
const asked = process.argv.slice(2).filter((a): a is Part => (ALL as readonly string[]).includes(a));
const parts: readonly Part[] = asked.length > 0 ? asked : ALL;
if (parts.includes('paint') && !parts.includes('storage')) {
  throw new Error('paint measures the pages over the orders storage stores: ask for both.');
}

const report: string[] = [];
const raw: Record<string, unknown> = {};
const say = (line = '') => {
  report.push(line);
  console.log(line);
};
const n = (x: number, digits = 0) =>
  x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? '**met**' : '**NOT met**');

const chromiumVersion = async () => {
  const b = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const v = b.version();
  await b.close();
  return v;
};

say(`# Browser bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
say();
say(
  `Load average when starting: ${loadavg()
    .map((l) => n(l, 1))
    .join(', ')} (other work shares the machine).`,
);
say(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${n(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}, headless Chromium ${await chromiumVersion()}.`,
);
say();

const extensionDir = await buildBenchExtension();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Opens an extension page `times` times; its first-data mark and first contentful paint, in ms from navigation. */
async function openTimes(
  browser: Launched,
  path: string,
  times: number,
): Promise<{ mark: number[]; fcp: number[] }> {
  const mark: number[] = [];
  const fcp: number[] = [];
  for (let i = 0; i < times; i++) {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    await page.waitForFunction(
      (name) => performance.getEntriesByName(name, 'mark').length > 0,
      FIRST_DATA_MARK,
      {
        timeout: 30_000,
      },
    );
    // The first data can render before the first paint: wait for that paint too (bounded).
    await page
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, {
        timeout: 5_000,
      })
      .catch(() => undefined);
    const timing = await page.evaluate((name) => {
      const at = performance.getEntriesByName(name, 'mark')[0]?.startTime ?? Number.NaN;
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
      return { at, paint };
    }, FIRST_DATA_MARK);
    mark.push(timing.at);
    fcp.push(timing.paint);
    await page.close();
  }
  return { mark, fcp };
}

/** Item 2: popup and options open with the stored orders (after storage()). */
async function paint(browser: Launched, bench: Page): Promise<void> {
  const TIMES = 9;
  const computedBefore = await bench.evaluate(() => window.tradelineBench.profileComputedAt());
  const ping = await openTimes(browser, 'bench-ping.html', TIMES);
  const popup = await openTimes(browser, 'popup.html', TIMES);
  const options = await openTimes(browser, 'options.html', TIMES);
  const computedAfter = await bench.evaluate(() => window.tradelineBench.profileComputedAt());
  raw.paint = { ping, popup, options, computedBefore, computedAfter };
  const row = (label: string, t: { mark: number[]; fcp: number[] }) =>
    `| ${label} | ${n(median(t.mark), 1)} ms | ${n(Math.max(...t.mark), 1)} ms | ${n(median(t.fcp), 1)} ms | ${n(median(t.mark) - median(ping.mark), 1)} ms |`;
  say(`## 2. Opening the popup and the options page with ${n(ORDERS)} stored orders`);
  say();
  say(
    `Each page opened ${TIMES} times in a new tab (background worker running); time from navigation start to the first render of the seller's data (User Timing mark \`${FIRST_DATA_MARK}\`: the profile in the popup, the sources list in the options page).`,
  );
  say();
  say('| page | first data, median | max | first contentful paint, median | over the floor |');
  say('|---|---:|---:|---:|---:|');
  say(row('floor: an extension page that sends one message to the background, then marks', ping));
  say(row('popup (profile, monthly totals)', popup));
  say(row('options page (sources, settings, channels, consents)', options));
  say();
  say(
    `- Target under 150 ms: popup ${verdict(median(popup.mark) < 150)}, options ${verdict(median(options.mark) < 150)}.`,
  );
  say(
    `- The stored profile was computed at ${computedBefore} and still is after the ${TIMES * 2} opens (${computedBefore === computedAfter ? 'read from the cache, never recomputed' : `RECOMPUTED: now ${computedAfter}`}).`,
  );
  say();
}

async function storage(): Promise<void> {
  // gc(): every storing run starts from a collected heap (page.ts `fresh`).
  const browser = await launchWithExtension([], extensionDir, ['--js-flags=--expose-gc']);
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/bench.html`);
    await page.waitForFunction(() => document.title === 'Tradeline bench ready');
    const r: StorageResult = await page.evaluate((count) => window.tradelineBench.storage(count), ORDERS);
    raw.storage = r;
    const rate = (ms: number) => `${n(r.orders / (ms / 1000))}/s`;
    say(`## 1. Storing ${n(r.orders)} orders in IndexedDB (inside the extension)`);
    say();
    say('| what | time | records/s | × chunked floor |');
    say('|---|---:|---:|---:|');
    say(
      `| baseline A: one put per record, 10,000 per transaction | ${n(r.perRecordMs / 1000, 2)} s | ${rate(r.perRecordMs)} | ${n(r.perRecordMs / r.chunkedMs, 2)} |`,
    );
    say(
      `| baseline B: bare puts of chunks of 10,000 in one transaction, each with its key (floor); median of ${r.chunkedRuns.length} (${r.chunkedRuns.map((t) => n(t / 1000, 2)).join(', ')} s) | ${n(r.chunkedMs / 1000, 2)} s | ${rate(r.chunkedMs)} | 1.00 |`,
    );
    say(
      `| … the same into a store with a key path (the browser clones each value for its key); median of ${r.keyPathRuns.length} (${r.keyPathRuns.map((t) => n(t / 1000, 2)).join(', ')} s) | ${n(r.keyPathMs / 1000, 2)} s | ${rate(r.keyPathMs)} | ${n(r.keyPathMs / r.chunkedMs, 2)} |`,
    );
    say(
      `| Tradeline importEntries (dedupe, chunks, monthly totals), 20,000 per call as the import worker stores them; median of ${r.storeRuns.length} alternating with B (${r.storeRuns.map((t) => n(t / 1000, 2)).join(', ')} s) | ${n(r.storeMs / 1000, 2)} s | ${rate(r.storeMs)} | ${n(r.storeMs / r.chunkedMs, 2)} |`,
    );
    say(
      `| the background's path for content scripts' imports (zod check + storeImport + profile), 50,000 per message | ${n(r.backgroundMs / 1000, 2)} s | ${rate(r.backgroundMs)} | ${n(r.backgroundMs / r.chunkedMs, 2)} |`,
    );
    say(
      `| … of which the zod check of the messages alone | ${n(r.checkMs / 1000, 2)} s | ${rate(r.checkMs)} | ${n(r.checkMs / r.chunkedMs, 2)} |`,
    );
    say(`| … and one profile recompute (the handler does one per message) | ${n(r.profileMs, 1)} ms | | |`);
    say(
      `| re-import of the same orders (all duplicates) | ${n(r.reimportMs / 1000, 2)} s | ${rate(r.reimportMs)} | ${n(r.reimportMs / r.chunkedMs, 2)} |`,
    );
    say(
      `| reading every record back, as an export does: B's chunks of records | ${n(r.chunkedReadBackMs / 1000, 2)} s | ${rate(r.chunkedReadBackMs)} | |`,
    );
    say(
      `| … Tradeline's chunks (columns read back as records) | ${n(r.readBackMs / 1000, 2)} s | ${rate(r.readBackMs)} | ${n(r.readBackMs / r.chunkedReadBackMs, 2)} × B's read |`,
    );
    say();
    say(
      `- Target storing within 1.5× the chunked floor: ${verdict(r.storeMs <= 1.5 * r.chunkedMs)} (${n(r.storeMs / r.chunkedMs, 2)}×).`,
    );
    say(
      `- Stored: ${n(r.before.records)} records in ${n(r.before.chunks)} chunks, ${n(r.before.dedupeKeys)} dedupe keys; gross sales ${n(r.storedGrossUsd / 100, 2)} USD (generated: ${n(r.expectedGrossUsd / 100, 2)} USD) ${r.storedGrossUsd === r.expectedGrossUsd ? 'exact' : 'DIFFERENT'}.`,
    );
    say(
      `- Re-import: added ${n(r.reimport.added)}, duplicates ${n(r.reimport.duplicates)}; records, chunks, dedupe keys, monthly totals, profile ${r.afterEqual ? 'unchanged (exact)' : `CHANGED: ${r.differences.join('; ')}`}.`,
    );
    say(
      `- One year's monthly totals (${r.yearAggregates.months} months) with ${n(r.orders)} orders stored: first read ${n(r.yearAggregates.firstMs, 1)} ms, median of 21 ${n(r.yearAggregates.medianMs, 1)} ms, max ${n(r.yearAggregates.maxMs, 1)} ms; target under 50 ms: ${verdict(r.yearAggregates.maxMs < 50)}.`,
    );
    say(
      `- Generating the orders in the page took ${n(r.generateMs)} ms (not counted). Every run of B, Tradeline and B with a key path is given its own copy of them, made before its timing from a collected heap: new strings, as an import's messages deliver them.`,
    );
    say();
    if (parts.includes('paint')) await paint(browser, page);
  } finally {
    await browser.close();
  }
}

/** Where each content script runs; the https ones are answered from loopback by the bench (no network). */
const DASHBOARDS = [
  { script: 'amazon', url: 'https://sellercentral.amazon.com/orders-v3' },
  { script: 'shopify', url: 'https://admin.shopify.com/store/demo/orders' },
  { script: 'paypal', url: 'https://www.paypal.com/reports/dlog' },
  { script: 'demo', url: 'LOOPBACK' },
] as const;

interface LoadCost {
  scriptMs: number;
  taskMs: number;
  heapMb: number;
  extensionBytes: number;
}

/** Loads `url` in a new tab, lets the content scripts run (document_idle), reads the main thread's counters. */
async function loadCost(context: BrowserContext, url: string): Promise<LoadCost> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let extensionBytes = 0;
  page.on('response', (response) => {
    if (response.url().startsWith('chrome-extension://')) {
      void response.body().then(
        (b) => {
          extensionBytes += b.byteLength;
        },
        () => {},
      );
    }
  });
  await page.goto(url, { waitUntil: 'load' });
  // document_idle comes after load at the latest; a second of quiet lets every script finish.
  await page.waitForTimeout(1000);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  await page.close();
  return {
    scriptMs: metric('ScriptDuration') * 1000,
    taskMs: metric('TaskDuration') * 1000,
    heapMb: metric('JSHeapUsedSize') / 2 ** 20,
    extensionBytes,
  };
}

/** Item 3: each content script's added main-thread time at load, and its size. */
async function content(): Promise<void> {
  const html = ordersPage(generateDashboard(), 1);
  const { url: loopback, server } = await serveHtml(html);
  const TIMES = 9;
  const withExtension = await launchWithExtension([], extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'tradeline-bench-plain-'));
  const plain = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  // The floor: an extension whose content script only listens for messages, at the same run_at:
  // what any launcher must do (the popup asks the open tab to read it), whatever else it does.
  // (A content script of one statement, `void 0`, measured no script time at all.)
  const floorDir = writeFloorExtension(join(BENCH_ROOT, 'floor-extension'));
  const floorProfile = mkdtempSync(join(tmpdir(), 'tradeline-bench-floor-'));
  const floor = await chromium.launchPersistentContext(floorProfile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${floorDir}`, `--load-extension=${floorDir}`, ...CHROMIUM_ARGS],
  });
  try {
    for (const context of [withExtension.context, plain, floor]) {
      await context.route(/^https:\/\//, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      );
    }
    const rows: string[] = [];
    const results: Record<string, unknown> = {};
    for (const { script, url: where } of DASHBOARDS) {
      const url = where === 'LOOPBACK' ? `${loopback}dashboard/orders` : where;
      const bare: LoadCost[] = [];
      const least: LoadCost[] = [];
      const loaded: LoadCost[] = [];
      // Alternating, so that all three see the same machine load.
      for (let i = 0; i < TIMES; i++) {
        bare.push(await loadCost(plain, url));
        least.push(await loadCost(floor, url));
        loaded.push(await loadCost(withExtension.context, url));
      }
      const file = readFileSync(join(extensionDir, 'content-scripts', `${script}.js`));
      const gzip = gzipSync(file, { level: 9 }).byteLength;
      const med = (list: LoadCost[], key: keyof LoadCost) => median(list.map((c) => c[key]));
      const addedScript = med(loaded, 'scriptMs') - med(bare, 'scriptMs');
      const addedTask = med(loaded, 'taskMs') - med(bare, 'taskMs');
      const floorScript = med(least, 'scriptMs') - med(bare, 'scriptMs');
      const floorTask = med(least, 'taskMs') - med(bare, 'taskMs');
      results[script] = { bare, floor: least, loaded, gzip, raw: file.byteLength };
      // The target is on script time (what the launcher's own code costs); all tasks are shown too.
      rows.push(
        `| ${script} | ${n(med(bare, 'scriptMs'), 1)} / ${n(med(bare, 'taskMs'), 1)} ms | ${n(floorScript, 1)} / ${n(floorTask, 1)} ms | ${n(med(loaded, 'scriptMs'), 1)} / ${n(med(loaded, 'taskMs'), 1)} ms | ${n(addedScript, 1)} / ${n(addedTask, 1)} ms ${addedScript < 5 ? '✓' : '✗'} | ${n(file.byteLength / 1000, 1)} kB | ${n(gzip / 1000, 1)} kB ${gzip < 20_000 ? '✓' : '✗'} | ${n(med(loaded, 'extensionBytes') / 1000, 1)} kB |`,
      );
    }
    raw.content = results;
    say('## 3. Content scripts on a dashboard page');
    say();
    say(
      `The demo dashboard's orders page (test/sandbox/dashboard, 25 rows), served from loopback at each marketplace's address. Each load in a new tab, ${TIMES} times without any extension, with the floor (an extension whose content script only registers a runtime.onMessage listener, document_idle) and with Tradeline, alternating; main-thread time from Chromium's Performance metrics (ScriptDuration / TaskDuration) one second after load; medians. Added = with Tradeline minus without any extension; the target (under 5 ms) is on script time.`,
    );
    say();
    say(
      '| content script | without any extension (script / all tasks) | floor added (a content script that only listens for messages) | with Tradeline | added (script < 5 ms) | file | gzip (target < 20 kB) | other extension files fetched at load |',
    );
    say('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of rows) say(row);
    say();
  } finally {
    await withExtension.close();
    await plain.close();
    await floor.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(floorProfile, { recursive: true, force: true });
    server.close();
  }
}

interface PageWatch {
  samples: number;
  maxGapMs: number;
  over50: number;
  longTasks: number[];
  progress: string[];
}

/** Item 4: a ~100 MB report imported through the options page. */
async function importLarge(): Promise<void> {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 700_000);
  const file = await ensurePayments(rows);
  const mb = statSync(file).size / 1e6;
  const browser = await launchWithExtension([], extensionDir);
  try {
    const idle = sampleMemory(browser.profileDir);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByText('Nothing imported yet.').waitFor();
    const atRest = sampleMemory(browser.profileDir);
    // In the page: a 50 ms timer whose lateness is the main thread's unresponsiveness, long
    // tasks as Chromium reports them, and every value the progress bars take.
    await options.evaluate(() => {
      const watch = {
        samples: 0,
        maxGapMs: 0,
        over50: 0,
        longTasks: [] as number[],
        progress: [] as string[],
      };
      (window as unknown as { benchWatch: typeof watch }).benchWatch = watch;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        const late = now - last - 50;
        last = now;
        watch.samples += 1;
        if (late > watch.maxGapMs) watch.maxGapMs = late;
        if (late > 50) watch.over50 += 1;
        for (const bar of document.querySelectorAll('progress')) {
          const seen = `${bar.getAttribute('aria-label')}: ${bar.value}/${bar.max}`;
          if (watch.progress.at(-1) !== seen) watch.progress.push(seen);
        }
      }, 50);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) watch.longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    // Per phase: the live JavaScript memory of the page and the import worker after a forced
    // collection (load-independent), next to the instance's PSS at that moment. The forced
    // collections lower the PSS a little: BENCH_IMPORT_HEAP=0 measures the PSS peaks without them.
    const heap =
      process.env.BENCH_IMPORT_HEAP === '0' ? null : await attachHeapProbe(browser.context, options);
    const phases: Phase[] = [];
    const phase = async (what: string) => {
      if (!heap) return;
      const figures = await heap.probe();
      phases.push({ what, ...figures, pss: sampleMemory(browser.profileDir) });
    };
    await phase('options page open, before the file');
    const stop = watchMemory(browser.profileDir);
    const start = performance.now();
    await options.getByLabel('Choose a file').setInputFiles(file);
    await phase('file picked (worker started)');
    const importButton = options.getByRole('button', { name: /^Import [\d,]+ records$/ });
    await importButton.waitFor({ timeout: 600_000 });
    const readMs = performance.now() - start;
    const afterReading = stop();
    await phase('end of reading (preview shown)');
    const stopStoring = watchMemory(browser.profileDir);
    const label = (await importButton.textContent()) ?? '';
    const readWatch = await options.evaluate(() => {
      const w = (window as unknown as { benchWatch: PageWatch }).benchWatch;
      return { ...w, longTasks: [...w.longTasks], progress: [...w.progress] };
    });
    const storeStart = performance.now();
    await importButton.click();
    const done = options.getByText(/^Imported “/);
    // After each stored batch (the storing bar's value moves): one probe.
    let batchesSeen = 0;
    while (heap && !(await done.isVisible())) {
      const value = await options.evaluate(() => {
        const bar = document.querySelector<HTMLProgressElement>('progress[aria-label="Storing progress"]');
        return bar ? bar.value : -1;
      });
      if (value > batchesSeen) {
        batchesSeen = value;
        await phase(`after batch ${value} stored`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await done.waitFor({ timeout: 1_800_000 });
    const storeMs = performance.now() - storeStart;
    const afterStoring = stopStoring();
    await phase('end (imported, worker ended)');
    await heap?.detach();
    const peak = afterReading.totalMb >= afterStoring.totalMb ? afterReading : afterStoring;
    const message = (await done.textContent()) ?? '';
    const watch: PageWatch = await options.evaluate(
      () => (window as unknown as { benchWatch: PageWatch }).benchWatch,
    );
    const readingBars = readWatch.progress.length;
    const storingBars = watch.progress.length - readingBars;
    raw.import = {
      rows,
      mb,
      readMs,
      storeMs,
      idle,
      atRest,
      peak,
      afterReading,
      afterStoring,
      readWatch,
      watch,
      label,
      message,
      phases,
    };
    const tasks = (list: number[]) =>
      `${list.length} long tasks, longest ${n(Math.max(0, ...list))} ms, ${n(list.reduce((a, b) => a + b, 0))} ms in all`;
    say(`## 4. Importing a ${n(mb)} MB report in the options page`);
    say();
    say(
      `A generated Shopify Payments transactions export (${n(rows)} rows, bench/generate.ts) picked in Options → Sources, read in the import worker, then stored with Import. Memory: PSS of every Chromium process of the instance (/proc), sampled every 250 ms. Responsiveness: a 50 ms timer in the options page (its lateness is how long the page could not answer a click) and Chromium's long-task entries.`,
    );
    say();
    say("| phase | time | page's longest stall | long tasks on the page | progress values seen |");
    say('|---|---:|---:|---|---:|');
    say(
      `| reading (worker) to the preview: ${label} | ${n(readMs / 1000, 1)} s | ${n(readWatch.maxGapMs)} ms | ${tasks(readWatch.longTasks)} | ${readingBars} |`,
    );
    const storeTasks = watch.longTasks.slice(readWatch.longTasks.length);
    say(
      `| storing (${message}) | ${n(storeMs / 1000, 1)} s | ${n(watch.maxGapMs)} ms (whole run) | ${tasks(storeTasks)} | ${storingBars} |`,
    );
    say();
    say(
      `- Memory (the whole Chromium instance): ${n(idle.totalMb)} MB before the page, ${n(atRest.totalMb)} MB with the options page open; peak while reading ${n(afterReading.totalMb)} MB (largest process ${n(afterReading.largestMb)} MB, ${afterReading.largest}), while storing ${n(afterStoring.totalMb)} MB (largest ${n(afterStoring.largestMb)} MB, ${afterStoring.largest}); target under 1 GB: ${verdict(peak.totalMb < 1024)}.`,
    );
    say(
      `- Against 1 GB, judged on the whole instance's PSS peak: ${n(peak.totalMb)} MB; ${n(peak.totalMb - idle.totalMb)} MB over the instance before the page opened; the extension renderer (options page, import worker, background) alone at most ${n(Math.max(afterReading.largestMb, afterStoring.largestMb))} MB.`,
    );
    const kindPeaks = (peaks: Record<string, number>) =>
      Object.entries(peaks)
        .sort(([, a], [, b]) => b - a)
        .map(([kind, mb]) => `${kind} ${n(mb)} MB`)
        .join(', ');
    say(
      `- PSS by process at the instance's peak: while reading ${splitText(afterReading)}; while storing ${splitText(afterStoring)}. Each kind's own peak while storing: ${kindPeaks(afterStoring.kindPeaks)} (before the page: ${splitText(idle)}).`,
    );
    say(
      `- Main thread: the timer fired ${n(watch.samples)} times, ${n(watch.over50)} of them over 50 ms late; longest stall ${n(watch.maxGapMs)} ms.`,
    );
    say(
      `- Progress bar values, first and last: ${watch.progress.slice(0, 2).join(' · ')} … ${watch.progress.slice(-2).join(' · ')}.`,
    );
    if (phases.length > 0) {
      say();
      say(
        'Live JavaScript memory per phase, after a forced garbage collection (CDP `HeapProfiler.collectGarbage`, then `Runtime.getHeapUsage`; does not move with the load), next to the PSS at the same moment:',
      );
      say();
      say(
        '| phase | import worker: V8 heap / buffers | options page: V8 heap | instance PSS | largest process PSS |',
      );
      say('|---|---:|---:|---:|---:|');
      const heapText = (f: HeapFigure | null) => (f ? `${n(f.usedMb, 1)} / ${n(f.backingMb, 1)} MB` : '–');
      for (const p of phases) {
        say(
          `| ${p.what} | ${heapText(p.worker)} | ${n(p.page.usedMb, 1)} MB | ${n(p.pss.totalMb)} MB | ${n(p.pss.largestMb)} MB (${p.pss.largest}) |`,
        );
      }
      const workerPeak = Math.max(0, ...phases.map((p) => p.worker?.usedMb ?? 0));
      say();
      say(`- The import worker's largest live V8 heap at these points: ${n(workerPeak, 1)} MB.`);
    }
    say();
  } finally {
    await browser.close();
  }
}

interface Phase {
  what: string;
  page: HeapFigure;
  worker: HeapFigure | null;
  pss: MemorySample;
}

const PARTS: Record<Part, () => Promise<void>> = {
  storage,
  // Measured in storage()'s browser, over the orders it stored.
  paint: async () => {},
  content,
  import: importLarge,
};

for (const part of parts) await PARTS[part]();
writeFileSync(join(BENCH_ROOT, 'browser-results.json'), `${JSON.stringify(raw, null, 2)}\n`);
writeFileSync(join(BENCH_ROOT, 'browser-report.md'), `${report.join('\n')}\n`);
