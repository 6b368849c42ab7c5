// @vitest-environment node
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

/**
 * A real hang guard: each pathological file is read in a worker thread that is terminated when
 * it takes longer than the limit, so a parser that loops forever fails this test instead of
 * freezing the run (a time check after the call, as in never-throws.test.ts, cannot catch that).
 */

const LIMIT_MS = 20_000;

interface Outcome {
  format: string | null;
  records: number;
  issues: number;
  firstIssue: string | null;
  ms: number;
}

function readInWorker(
  name: string,
  bytes: Uint8Array,
  script = './workers/read-report.mjs',
  limitMs = LIMIT_MS,
): Promise<Outcome> {
  const worker = new Worker(new URL(script, import.meta.url), { workerData: { name, bytes } });
  return new Promise<Outcome>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`${name}: still reading after ${limitMs / 1000} s (a hang); the worker was stopped.`));
    }, limitMs);
    worker.once('message', (outcome: Outcome) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const SHOPIFY_HEADER = 'Name,Created at,Financial Status,Total,Refunded Amount,Currency\n';

const PATHOLOGICAL: [string, () => Uint8Array][] = [
  ['an 8 MB field whose quote never closes', () => utf8(`${SHOPIFY_HEADER}#1,"${'x'.repeat(8_000_000)}`)],
  ['two million commas on one line', () => utf8(`${SHOPIFY_HEADER}${','.repeat(2_000_000)}\n`)],
  ['200,000 lines of lone quotes', () => utf8(`${SHOPIFY_HEADER}${'"""\n'.repeat(200_000)}`)],
  ['5 MB of NUL bytes', () => new Uint8Array(5_000_000)],
  [
    'a UTF-16 BOM then an odd number of random bytes',
    () => {
      const bytes = new Uint8Array(1_000_001);
      let seed = 7;
      for (let i = 0; i < bytes.length; i++) {
        seed = (seed * 1_103_515_245 + 12_345) >>> 0;
        bytes[i] = seed >>> 24;
      }
      bytes[0] = 0xff;
      bytes[1] = 0xfe;
      return bytes;
    },
  ],
  ['a header then a million empty lines', () => utf8(`${SHOPIFY_HEADER}${'\r\n'.repeat(1_000_000)}`)],
  [
    '100,000 rows of 12-digit amounts with stray symbols',
    () =>
      utf8(SHOPIFY_HEADER + '#9,2026-01-01 10:00:00 +0000,paid,$$9,999,999,999.99.9,-,USD\n'.repeat(100_000)),
  ],
];

describe('reading never hangs, even on pathological files', () => {
  it('the guard itself stops a reader that never returns', async () => {
    await expect(
      readInWorker('a spinning reader', new Uint8Array(1), './workers/spin.mjs', 1000),
    ).rejects.toThrow('a spinning reader: still reading after 1 s (a hang); the worker was stopped.');
  });

  for (const [name, make] of PATHOLOGICAL) {
    it(
      name,
      async () => {
        const outcome = await readInWorker(name, make());
        expect(outcome.ms).toBeLessThan(LIMIT_MS);
        // A file that is not a report says so; one that is reports what it could not read.
        if (outcome.format === null) expect(outcome.firstIssue).toMatch(/is not a report Tradeline can read/);
        else expect(outcome.records + outcome.issues).toBeGreaterThan(0);
      },
      LIMIT_MS + 10_000,
    );
  }
});
