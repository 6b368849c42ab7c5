import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SIZE_BUDGETS, TOTAL_BUDGET } from '../../bench/size-budgets.ts';
import { EXTENSION_DIR } from './browser.ts';

/** Every JavaScript and CSS file of the production build, with its gzip size. */
function builtFiles(): { path: string; gzip: number }[] {
  const out: { path: string; gzip: number }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|css)$/.test(entry.name)) {
        out.push({
          path: relative(EXTENSION_DIR, full),
          gzip: gzipSync(readFileSync(full), { level: 9 }).byteLength,
        });
      }
    }
  };
  walk(EXTENSION_DIR);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

// Runs in the browser-test step, right after `npm run build` (a unit test would find no build).
describe('bundle sizes of .output/chrome-mv3 (gzip) against bench/size-budgets.ts', () => {
  const files = builtFiles();

  it('finds the build', () => {
    expect(files.map((f) => f.path)).toContain('background.js');
  });

  it('every file has exactly one budget and stays within it', () => {
    const problems: string[] = [];
    for (const { path, gzip } of files) {
      const budgets = SIZE_BUDGETS.filter((b) => b.file.test(path));
      if (budgets.length !== 1) {
        problems.push(`${path}: ${budgets.length} budgets match; add one to bench/size-budgets.ts`);
        continue;
      }
      const [budget] = budgets;
      if (budget && gzip > budget.maxGzipBytes) {
        problems.push(`${path}: ${gzip} B gzip, over its budget of ${budget.maxGzipBytes} B (${budget.why})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the whole build stays within the total budget', () => {
    const total = files.reduce((n, f) => n + f.gzip, 0);
    expect(total, TOTAL_BUDGET.why).toBeLessThanOrEqual(TOTAL_BUDGET.maxGzipBytes);
  });
});
