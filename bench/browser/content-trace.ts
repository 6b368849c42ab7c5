/**
 * `npx tsx bench/browser/content-trace.ts [extensionDir…]`: what a launcher costs a dashboard page, in thread (CPU)
 * time from Chromium's trace, which the machine's load moves far less than the wall time `npm run bench:browser --
 * content` reports (issue 10). Each extension (default: .output/chrome-mv3; give several to compare builds) and the
 * floor (a content script that only registers a runtime.onMessage listener) load the demo dashboard's orders page
 * TRACE_TIMES times (default 25), alternating; per load, the renderer's main-thread events of the extension's own
 * scripts are summed: the script's evaluation (compile and run), the callbacks it left (the idle callback that
 * builds the tab), the V8 compiles inside them and the style sheet parsed. Medians and lower quartiles.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, EXTENSION_DIR, serveHtml } from '../../test/e2e/browser.ts';
import { generateDashboard } from '../../test/sandbox/dashboard/data.ts';
import { ordersPage } from '../../test/sandbox/dashboard/pages.ts';
import { writeFloorExtension } from './floor-extension.ts';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  args?: Record<string, unknown>;
}

interface LoadCost {
  evaluate: number;
  callbacks: number;
  total: number;
  compile: number;
  css: number;
  scriptDuration: number;
}

const TIMES = Number(process.env.TRACE_TIMES ?? 25);
const CATEGORIES = 'devtools.timeline,v8,v8.execute,blink,disabled-by-default-v8.compile';
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.callFunction', 'RunMicrotasks']);

const contains = (outer: TraceEvent, inner: TraceEvent) =>
  outer.tid === inner.tid &&
  outer.ts <= inner.ts &&
  outer.ts + (outer.dur ?? 0) >= inner.ts + (inner.dur ?? 0);

/** The extension's share of one trace: its top-level script events, and what ran inside them. */
function extensionCost(events: TraceEvent[], scriptDuration: number): LoadCost {
  const complete = events.filter((e) => e.ph === 'X');
  const mine = complete.filter(
    (e) => SCRIPT_EVENTS.has(e.name) && JSON.stringify(e.args ?? {}).includes('chrome-extension://'),
  );
  const top = mine.filter((e) => !mine.some((p) => p !== e && contains(p, e)));
  const ms = (list: TraceEvent[]) => list.reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
  const inside = (name: string) =>
    ms(complete.filter((e) => e.name === name && top.some((t) => contains(t, e))));
  const evaluate = ms(top.filter((e) => e.name === 'EvaluateScript'));
  const callbacks = ms(top.filter((e) => e.name !== 'EvaluateScript'));
  return {
    evaluate,
    callbacks,
    total: evaluate + callbacks,
    compile: inside('V8.CompileCode'),
    css: inside('CSSParserImpl::parseStyleSheet'),
    scriptDuration,
  };
}

async function traceLoad(context: BrowserContext, url: string): Promise<LoadCost> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load' });
  // The tab goes on the page once it is idle (at most a second after load); the floor adds none.
  await page
    .waitForSelector('[data-tradeline-panel]', { state: 'attached', timeout: 1500 })
    .catch(() => undefined);
  await page.waitForTimeout(150);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  const scriptDuration = (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN) * 1000;
  return extensionCost(events, scriptDuration);
}

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * q)] ?? Number.NaN;

const html = ordersPage(generateDashboard(), 1);
const { url: origin, server } = await serveHtml(html);
const url = `${origin}dashboard/orders`;
const floorDir = writeFloorExtension(join(tmpdir(), 'tradeline-trace-floor'));

const dirs = [
  ...(process.argv.length > 2 ? process.argv.slice(2) : [EXTENSION_DIR]).map((d) => resolve(d)),
  floorDir,
];
const setups: { name: string; context: BrowserContext; profile: string; costs: LoadCost[] }[] = [];
for (const dir of dirs) {
  const profile = mkdtempSync(join(tmpdir(), 'tradeline-trace-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_ARGS],
  });
  setups.push({ name: dir === floorDir ? 'floor' : basename(dir), context, profile, costs: [] });
}
try {
  for (const s of setups) await traceLoad(s.context, url); // warm-up, not counted
  for (let i = 0; i < TIMES; i++) for (const s of setups) s.costs.push(await traceLoad(s.context, url));
} finally {
  for (const s of setups) {
    await s.context.close();
    rmSync(s.profile, { recursive: true, force: true });
  }
  server.close();
}

const cell = (costs: LoadCost[], key: keyof LoadCost) => {
  const values = costs.map((c) => c[key]);
  return `${quantile(values, 0.5).toFixed(2)} / ${quantile(values, 0.25).toFixed(2)}`;
};
console.log(`Thread time of the extension's scripts per load (ms, median / lower quartile of ${TIMES}):`);
console.log();
console.log(
  '| extension | evaluation | callbacks (the tab) | total | of which V8 compiles | style sheet parse | ScriptDuration (wall) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const s of setups) {
  const c = s.costs;
  console.log(
    `| ${s.name} | ${cell(c, 'evaluate')} | ${cell(c, 'callbacks')} | ${cell(c, 'total')} | ${cell(c, 'compile')} | ${cell(c, 'css')} | ${cell(c, 'scriptDuration')} |`,
  );
}
