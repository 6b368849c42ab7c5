/**
 * `npm run bench`: reads a generated 1,000,000-row settlement report and the same sales as a
 * payments CSV, and prints rows/s and MB/s of the whole `tradeline read` next to two baselines
 * measured in the same run: the bare parse of the same bytes (our CSV reader alone, and
 * papaparse for reference), and a naive split-on-newlines-and-delimiters loop.
 * Each runs in its own process through tsx, timed from spawn to exit (start-up included for all
 * alike); the whole read is the real command, `tsx cli/tradeline.ts read --currency USD FILE`.
 * Peak memory comes from a preload every process gets (bench/tasks/rss-on-exit.mjs).
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureInputs } from './generate.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const TSX = resolve('node_modules/.bin/tsx');

interface Measured {
  seconds: number;
  /** CPU time of every process and thread of the run (tsx runs the script in a child process). */
  cpuSeconds: number;
  maxRssMb: number;
  output: Record<string, unknown>;
}

/** Best of REPEATS runs of `tsx <script> <args>`, from spawn to exit. */
function bestOf(
  script: string,
  args: string[],
  measure: (stdout: string, stderr: string) => Omit<Measured, 'seconds' | 'cpuSeconds'>,
): Measured {
  let best: Measured | undefined;
  for (let i = 0; i < REPEATS; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(TSX, [script, ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      env: { ...process.env, NODE_OPTIONS: `--import=${RSS_ON_EXIT}` },
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`);
    const measured = { seconds, cpuSeconds: cpuOf(run.stderr), ...measure(run.stdout, run.stderr) };
    if (!best || seconds < best.seconds) best = measured;
  }
  return best as Measured;
}

const RSS_ON_EXIT = pathToFileURL(resolve('bench/tasks/rss-on-exit.mjs')).href;

/** The largest peak reported: tsx runs the script in a child process, and both report one. */
function peakOf(stderr: string): number {
  let peak = 0;
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('{"maxRssMb"')) continue;
    peak = Math.max(peak, Number((JSON.parse(line) as { maxRssMb: number }).maxRssMb));
  }
  return peak;
}

/** CPU time summed over the processes that reported one (tsx's parent and its child). */
function cpuOf(stderr: string): number {
  let cpu = 0;
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('{"maxRssMb"')) continue;
    cpu += Number((JSON.parse(line) as { cpuSeconds?: number }).cpuSeconds ?? 0);
  }
  return cpu;
}

/** A baseline script in bench/tasks, which prints its figures as JSON. */
function task(script: string, args: string[]): Measured {
  return bestOf(resolve('bench/tasks', script), args, (stdout, stderr) => ({
    maxRssMb: peakOf(stderr),
    output: JSON.parse(stdout) as Record<string, unknown>,
  }));
}

/** The real command a seller runs, `tradeline read --currency USD FILE` (cli/tradeline.ts). */
function tradelineRead(path: string, currency: string): Measured {
  return bestOf(resolve('cli/tradeline.ts'), ['read', '--currency', currency, path], (stdout, stderr) => {
    const output = JSON.parse(stdout) as {
      files: { format: string; records: number; issues: unknown[] }[];
      months: unknown[];
    };
    const file = output.files[0];
    return {
      maxRssMb: peakOf(stderr),
      output: {
        rows: file?.records ?? 0,
        format: file?.format,
        months: output.months.length,
        issues: file?.issues.length ?? 0,
      },
    };
  });
}

const { settlement, payments } = await ensureInputs(ROWS);
const results: string[] = [];
for (const [label, path, delimiter, column] of [
  ['settlement report (V2, TSV)', settlement, '\t', '14'],
  ['payments CSV (Shopify Payments)', payments, ',', '8'],
] as const) {
  const mb = statSync(path).size / 1e6;
  const naive = task('naive.ts', [path, delimiter, column]);
  const parse = task('parse-only.ts', [path, delimiter, 'tradeline']);
  const papa = task('parse-only.ts', [path, delimiter, 'papaparse']);
  let read: Measured;
  try {
    read = tradelineRead(path, 'USD');
  } catch (error) {
    results.push(`${label}: tradeline read failed: ${String(error).split('\n').slice(0, 3).join(' ')}`, '');
    process.exitCode = 1;
    continue;
  }
  const rows = Number(naive.output.rows);
  const line = (name: string, m: Measured) =>
    `  ${name.padEnd(34)} ${m.seconds.toFixed(2).padStart(6)} s  ${(rows / m.seconds / 1e3).toFixed(0).padStart(6)} k rows/s  ${(mb / m.seconds).toFixed(1).padStart(6)} MB/s  ${(m.seconds / naive.seconds).toFixed(2).padStart(5)}x naive  cpu ${m.cpuSeconds.toFixed(2).padStart(5)} s  peak ${m.maxRssMb.toFixed(0)} MB`;
  results.push(
    `${label}: ${path} (${mb.toFixed(0)} MB, ${rows.toLocaleString('en')} lines)`,
    line('naive split loop (floor)', naive),
    line('CSV reader alone (ours)', parse),
    line('papaparse alone (reference)', papa),
    line('tradeline read (whole)', read),
    `  tradeline read: format ${read.output.format}, ${Number(read.output.rows).toLocaleString('en')} records, ${read.output.months} months, ${read.output.issues} issues`,
    `  target: whole read within 2x naive and under 1 GB: ${read.seconds <= 2 * naive.seconds && read.maxRssMb < 1024 ? 'MET' : 'NOT MET'}`,
    '',
  );
}
const profile = task('profile.ts', [String(ROWS)]).output;
const ratio = Number(profile.profileMs) / Number(profile.sumMs);
results.push(
  `profile over ${Number(profile.rows).toLocaleString('en')} orders (in one process, best of 5):`,
  `  sum of their amounts in a loop (floor)  ${Number(profile.sumMs).toFixed(1).padStart(7)} ms`,
  `  profile from the records (aggregate + metrics + score)  ${Number(profile.profileMs).toFixed(1).padStart(7)} ms  ${ratio.toFixed(1)}x the sum`,
  `  profile from stored monthly totals (what the extension does)  ${Number(profile.fromTotalsMs).toFixed(2).padStart(7)} ms`,
  `  target: under 150 ms: ${Number(profile.profileMs) < 150 ? 'MET' : 'NOT MET'}`,
  '',
);
const chunks = task('chunk-check.ts', [String(ROWS)]).output;
results.push(
  `checking stored record chunks as they are read, ${Number(chunks.records).toLocaleString('en')} records in ${chunks.chunks} chunks (CPU time, best of 5):`,
  `  sum of their amounts in a loop (floor)  ${Number(chunks.sumMs).toFixed(1).padStart(7)} ms`,
  `  structural check (lib/storage/chunk-check.ts)  ${Number(chunks.checkMs).toFixed(1).padStart(7)} ms  ${((Number(chunks.checkMs) / Number(chunks.cloneMs)) * 100).toFixed(1)}% of the clone`,
  `  full zod parse (RecordChunk)  ${Number(chunks.zodMs).toFixed(1).padStart(7)} ms`,
  `  structured clone (what IndexedDB pays to hand them over)  ${Number(chunks.cloneMs).toFixed(1).padStart(7)} ms`,
  `  as stored since the eighth round: encoding as columns (lib/storage/chunk-columns.ts)  ${Number(chunks.encodeMs).toFixed(1).padStart(7)} ms`,
  `  … their clone read back as records  ${Number(chunks.columnsReadMs).toFixed(1).padStart(7)} ms  ${((Number(chunks.columnsReadMs) / Number(chunks.cloneMs)) * 100).toFixed(0)}% of the records' clone`,
  '',
);
console.log(`Best of ${REPEATS} runs each, ${new Date().toISOString()}\n`);
console.log(results.join('\n'));
