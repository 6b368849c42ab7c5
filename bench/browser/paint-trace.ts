/**
 * `npx tsx bench/browser/paint-trace.ts [extensionDir…]`: where the popup's and the options page's
 * time to first data goes, in thread (CPU) time from Chromium's trace, which the machine's load
 * moves far less than the wall time `npm run bench:browser -- storage paint` reports (issue 10).
 *
 * Each build (default: .output/chrome-mv3; give several to compare builds) is copied with the
 * bench pages, loaded in its own fresh profile with TRACE_ORDERS (default 1,000,000) orders stored
 * through the background's path, then the popup and the options page are opened TRACE_TIMES times
 * each (default 8, after one warm-up open), the builds alternating. Per open, from navigation start
 * to the `tradeline:first-data` mark: the page's main-thread CPU by kind of work (script evaluation
 * per file, callbacks, compiles, code cache, style, layout, paint, garbage collection) and the
 * background's CPU; with TRACE_TIMELINE=1 also each open's main-thread events of 0.5 ms or more,
 * the background's tasks and the page's resource loads, in time from navigation start. With
 * TRACE_DUMP=dir each open's raw events are written there (dir/N-page.json), and TRACE_SAMPLES=1
 * adds V8's sampling profiler to them (which slows the pages: compare such runs only together).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { type BrowserContext, type CDPSession, chromium } from 'playwright-core';
import { FIRST_DATA_MARK } from '../../components/common/marks.ts';
import { CHROMIUM, CHROMIUM_ARGS, EXTENSION_DIR } from '../../test/e2e/browser.ts';
import { addBenchPages } from './extension.ts';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

const TIMES = Number(process.env.TRACE_TIMES ?? 8);
const ORDERS = Number(process.env.TRACE_ORDERS ?? 1_000_000);
/** The floor (an extension page that pings the background and marks), then the two pages. */
const PAGES = ['bench-ping', 'popup', 'options'];
const TIMELINE = process.env.TRACE_TIMELINE === '1';
/** A folder to write each open's raw trace events to (JSON, for chrome://tracing or a script). */
const DUMP = process.env.TRACE_DUMP;
let dumped = 0;
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'blink.user_timing',
  'loading',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.compile',
  // TRACE_SAMPLES=1: V8's sampling profiler too (ProfileChunk events, read from TRACE_DUMP's files).
  ...(process.env.TRACE_SAMPLES === '1' ? ['disabled-by-default-v8.cpu_profiler'] : []),
].join(',');

/** One open: wall times (ms from navigation start) and thread CPU (ms) by kind. */
type OpenCost = Record<string, number>;

/** The kinds of work counted, by trace event name; an event inside one already counted is not counted again. */
const BUCKETS: Record<string, string> = {
  'v8.evaluateModule': 'script evaluation',
  EvaluateScript: 'script evaluation',
  'v8.compileModule': 'script compile (modules)',
  'v8.compile': 'script compile (modules)',
  'v8.produceModuleCache': 'code cache produced',
  'v8.produceCache': 'code cache produced',
  FunctionCall: 'script callbacks (answers, effects, timers)',
  'v8.callFunction': 'script callbacks (answers, effects, timers)',
  RunMicrotasks: 'script callbacks (answers, effects, timers)',
  UpdateLayoutTree: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  'LocalFrameView::RunPaintLifecyclePhase': 'paint',
  Commit: 'paint',
  MinorGC: 'garbage collection',
  MajorGC: 'garbage collection',
  'V8.GC_SCAVENGER': 'garbage collection',
  'V8.GC_MARK_COMPACTOR': 'garbage collection',
  'DocumentLoader::CommitNavigation': 'navigation and HTML',
  ParseHTML: 'navigation and HTML',
  'HTMLDocumentParser::appendBytes': 'navigation and HTML',
};
/** Counted again inside the buckets above, to see them on their own. */
const INSIDE = ['V8.CompileCode', 'V8.ParseFunction', 'V8.CollectSourcePositions', 'V8.CompileSerialize'];

const fileOf = (e: TraceEvent): string => {
  const data = (e.args?.data ?? {}) as Record<string, unknown>;
  const url = e.args?.fileName ?? data.url ?? data.fileName ?? '';
  return typeof url === 'string'
    ? basename(url.split('?')[0] ?? '').replace(/-[\w-]{8}\.js$/, '.js') || '?'
    : '?';
};

const isTask = (e: TraceEvent) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
const contains = (outer: TraceEvent, inner: TraceEvent) =>
  outer.tid === inner.tid &&
  outer.ts <= inner.ts &&
  outer.ts + (outer.dur ?? 0) >= inner.ts + (inner.dur ?? 0);

function analyse(events: TraceEvent[], page: string): { cost: OpenCost; timeline: string[] } {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const nav = events.find(
    (e) =>
      e.name === 'navigationStart' &&
      String((e.args?.data as Record<string, unknown> | undefined)?.documentLoaderURL ?? '').includes(page),
  );
  if (!nav) throw new Error(`no navigationStart of ${page} in the trace`);
  const mark = events.find((e) => e.name === FIRST_DATA_MARK && e.pid === nav.pid);
  if (!mark) throw new Error(`no ${FIRST_DATA_MARK} mark of ${page} in the trace`);
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === nav.pid && e.ts >= nav.ts);
  const start = nav.ts;
  const end = mark.ts;
  const inWindow = (e: TraceEvent) => e.ph === 'X' && e.ts >= start && e.ts <= end;
  const main = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && inWindow(e));
  // Top-level events only: nested ones are counted inside their parent (and listed per kind below).
  const tasks = main.filter(isTask);
  const top = tasks.filter((e) => !tasks.some((p) => p !== e && contains(p, e)));
  const leaves = main.filter((e) => e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask');
  const outer = leaves.filter((e) => !leaves.some((p) => p !== e && p.dur && contains(p, e)));
  const cost: OpenCost = {
    'wall: first data': (end - start) / 1000,
    'wall: first contentful paint': fcp ? (fcp.ts - start) / 1000 : Number.NaN,
    'main thread CPU (tasks)': top.reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000,
  };
  const counted = main.filter((e) => BUCKETS[e.name]);
  const outermost = counted.filter((e) => !counted.some((p) => p !== e && p.dur && contains(p, e)));
  let sum = 0;
  for (const e of outermost) {
    const bucket = BUCKETS[e.name] ?? '';
    const key =
      bucket === 'script evaluation' || bucket.startsWith('script compile')
        ? `${bucket}: ${fileOf(e)}`
        : bucket;
    cost[key] = (cost[key] ?? 0) + (e.tdur ?? 0) / 1000;
    sum += (e.tdur ?? 0) / 1000;
  }
  cost['other main-thread work'] = (cost['main thread CPU (tasks)'] ?? 0) - sum;
  for (const name of INSIDE) {
    const list = main.filter((e) => e.name === name);
    if (list.length) cost[`(inside the above) ${name}`] = list.reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000;
  }
  // The background: its service worker thread's tasks in the window.
  const workerTasks = events.filter(
    (e) => inWindow(e) && (names.get(`${e.pid}:${e.tid}`) ?? '').includes('ServiceWorker') && isTask(e),
  );
  const worker = workerTasks.filter((e) => !workerTasks.some((p) => p !== e && contains(p, e)));
  cost['background CPU (tasks)'] = worker.reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000;
  const timeline = main
    .filter((e) => outer.includes(e) && (e.tdur ?? 0) >= 500)
    .map(
      (e) =>
        `${((e.ts - start) / 1000).toFixed(1).padStart(7)} ms +${((e.dur ?? 0) / 1000).toFixed(1)} (cpu ${((e.tdur ?? 0) / 1000).toFixed(1)}) ${e.name}`,
    );
  const bg = events
    .filter((e) => worker.includes(e) && (e.tdur ?? 0) >= 300)
    .map(
      (e) =>
        `${((e.ts - start) / 1000).toFixed(1).padStart(7)} ms +${((e.dur ?? 0) / 1000).toFixed(1)} (cpu ${((e.tdur ?? 0) / 1000).toFixed(1)}) BACKGROUND task`,
    );
  // Only the request names its URL: the response and the finish are matched to it by request id.
  const requestOf = (e: TraceEvent) =>
    String((e.args?.data as Record<string, unknown> | undefined)?.requestId ?? '');
  const urls = new Map<string, string>();
  for (const e of events) if (e.name === 'ResourceSendRequest') urls.set(requestOf(e), fileOf(e));
  const resources = events
    .filter(
      (e) =>
        e.pid === nav.pid &&
        e.ts >= start &&
        e.ts <= end &&
        ['ResourceSendRequest', 'ResourceFinish', 'ResourceReceiveResponse'].includes(e.name),
    )
    .map(
      (e) =>
        `${((e.ts - start) / 1000).toFixed(1).padStart(7)} ms ${e.name} ${urls.get(requestOf(e)) ?? fileOf(e)}`,
    );
  return { cost, timeline: [...timeline, ...bg, ...resources].sort() };
}

async function traceOpen(context: BrowserContext, cdpOf: () => Promise<CDPSession>, url: string) {
  const cdp = await cdpOf();
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    (name) => performance.getEntriesByName(name, 'mark').length > 0,
    FIRST_DATA_MARK,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(300);
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  await cdp.detach();
  if (DUMP)
    writeFileSync(join(DUMP, `${++dumped}-${basename(new URL(url).pathname)}.json`), JSON.stringify(events));
  return analyse(events, new URL(url).pathname);
}

const dirs = (process.argv.length > 2 ? process.argv.slice(2) : [EXTENSION_DIR]).map((d) => resolve(d));
const setups: {
  name: string;
  context: BrowserContext;
  profile: string;
  copy: string;
  id: string;
  cdp: () => Promise<CDPSession>;
  costs: Record<string, OpenCost[]>;
}[] = [];
try {
  for (const dir of dirs) {
    const copy = mkdtempSync(join(tmpdir(), 'tradeline-paint-ext-'));
    cpSync(dir, copy, { recursive: true });
    await addBenchPages(copy);
    const profile = mkdtempSync(join(tmpdir(), 'tradeline-paint-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [`--disable-extensions-except=${copy}`, `--load-extension=${copy}`, ...CHROMIUM_ARGS],
    });
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/background.js') }));
    const id = new URL(worker.url()).host;
    const bench = await context.newPage();
    await bench.goto(`chrome-extension://${id}/bench.html`);
    await bench.waitForFunction(() => document.title === 'Tradeline bench ready');
    await bench.evaluate((count) => window.tradelineBench.seed(count), ORDERS);
    await bench.close();
    // Tracing is the browser's: a session on the browser target sees every process and thread.
    const browser = context.browser();
    const cdp = async () => {
      if (browser) return browser.newBrowserCDPSession();
      const holder = context.pages()[0] ?? (await context.newPage());
      return context.newCDPSession(holder);
    };
    setups.push({
      name: basename(dir),
      context,
      profile,
      copy,
      id,
      cdp,
      costs: { 'bench-ping': [], popup: [], options: [] },
    });
  }
  for (const s of setups)
    for (const page of PAGES) await traceOpen(s.context, s.cdp, `chrome-extension://${s.id}/${page}.html`); // warm-up
  for (let i = 0; i < TIMES; i++)
    for (const page of PAGES)
      for (const s of setups) {
        const { cost, timeline } = await traceOpen(
          s.context,
          s.cdp,
          `chrome-extension://${s.id}/${page}.html`,
        );
        s.costs[page]?.push(cost);
        if (TIMELINE) console.log(`\n## ${s.name} ${page} open ${i + 1}\n${timeline.join('\n')}`);
      }
} finally {
  for (const s of setups) {
    await s.context.close();
    rmSync(s.profile, { recursive: true, force: true });
    rmSync(s.copy, { recursive: true, force: true });
  }
}

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * q)] ?? Number.NaN;
for (const page of PAGES) {
  const keys = new Set<string>();
  for (const s of setups) for (const c of s.costs[page] ?? []) for (const k of Object.keys(c)) keys.add(k);
  const rows = [...keys].filter((k) =>
    setups.some(
      (s) =>
        quantile(
          (s.costs[page] ?? []).map((c) => c[k] ?? 0),
          0.5,
        ) >= 0.3,
    ),
  );
  console.log(`\n### ${page}: median / lower quartile of ${TIMES} opens (ms)\n`);
  console.log(`| | ${setups.map((s) => s.name).join(' | ')} |`);
  console.log(`|---|${setups.map(() => '---:').join('|')}|`);
  for (const k of rows)
    console.log(
      `| ${k} | ${setups
        .map((s) => {
          const v = (s.costs[page] ?? []).map((c) => c[k] ?? 0);
          return `${quantile(v, 0.5).toFixed(1)} / ${quantile(v, 0.25).toFixed(1)}`;
        })
        .join(' | ')} |`,
    );
}
