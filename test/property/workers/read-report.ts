import { parentPort, workerData } from 'node:worker_threads';
import { readReport } from '../../../lib/import/read.ts';
import { FORMATS } from '../../../lib/sources/registry.ts';

/** Reads one file the way the import worker does, in a thread the test can stop if it hangs. */
const { bytes, name } = workerData as { bytes: Uint8Array; name: string };
const started = performance.now();
const result = readReport(bytes, { fileName: name, importId: 'c'.repeat(64), formats: FORMATS });
parentPort?.postMessage({
  format: result.format?.id ?? null,
  records: result.records,
  issues: result.issues.length,
  firstIssue: result.issues[0]?.message ?? null,
  ms: performance.now() - started,
});
