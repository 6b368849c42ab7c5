/**
 * The extension the browser bench loads: a copy of the production build (.output/chrome-mv3,
 * byte for byte) plus one bench-only page, bench.html, bundled from bench/browser/page.ts. The
 * production build itself never contains the bench.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { FIRST_DATA_MARK } from '../../components/common/marks.ts';
import { EXTENSION_DIR } from '../../test/e2e/browser.ts';

export const BENCH_ROOT = join(resolve(process.env.BENCH_DIR ?? '/tmp/tradeline-bench'), 'browser');
export const BENCH_EXTENSION = join(BENCH_ROOT, 'extension');

/** `wxt build` (the production build), then the copy with bench.html. */
export async function buildBenchExtension(): Promise<string> {
  const wxt = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (wxt.status !== 0) throw new Error('wxt build failed');
  rmSync(BENCH_EXTENSION, { recursive: true, force: true });
  mkdirSync(BENCH_ROOT, { recursive: true });
  cpSync(EXTENSION_DIR, BENCH_EXTENSION, { recursive: true });
  await addBenchPages(BENCH_EXTENSION);
  return BENCH_EXTENSION;
}

/** Adds bench.html (bench/browser/page.ts) and the floor page bench-ping.html to a copy of a build. */
export async function addBenchPages(dir: string): Promise<void> {
  // Vite (a dependency already) bundles the page with the same lib/ code the extension runs.
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      target: 'chrome120',
      lib: { entry: resolve('bench/browser/page.ts'), formats: ['es'], fileName: () => 'bench.js' },
    },
  });
  writeFileSync(
    join(dir, 'bench.html'),
    '<!doctype html><meta charset="utf-8"><title>Tradeline bench</title><script type="module" src="/bench.js"></script>\n',
  );
  // The floor of opening an extension page: one message to the background and back, then the mark.
  writeFileSync(
    join(dir, 'bench-ping.js'),
    `chrome.runtime.sendMessage({ channel: 'tradeline/v1', type: 'ping', data: {} }).then(() => {
  document.body.textContent = 'pong';
  performance.mark('${FIRST_DATA_MARK}');
});\n`,
  );
  writeFileSync(
    join(dir, 'bench-ping.html'),
    '<!doctype html><meta charset="utf-8"><title>ping</title><body>…</body><script type="module" src="/bench-ping.js"></script>\n',
  );
}
