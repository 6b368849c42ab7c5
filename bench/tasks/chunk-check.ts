// Checking stored record chunks as they are read (lib/storage/chunk-check.ts) over 1,000,000
// records in 100 chunks, next to a plain sum of their amounts, the full zod schema, and a
// structured clone (what IndexedDB already pays to hand each chunk over), all in this process.
import { type LedgerEntry, RecordChunk } from '../../lib/domain/records.ts';
import { chunkProblem } from '../../lib/storage/chunk-check.ts';
import { chunkOf, toColumns } from '../../lib/storage/chunk-columns.ts';
import { CHUNK_SIZE } from '../../lib/storage/schema.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const chunks: RecordChunk[] = [];
for (let i = 0; i < N; i++) {
  const seq = Math.floor(i / CHUNK_SIZE);
  if (i % CHUNK_SIZE === 0) chunks.push({ platform: 'amazon', month: '2025-03', seq, records: [] });
  const entry: LedgerEntry =
    i % 10 === 9
      ? {
          kind: 'fee',
          key: `amazon:fee:${i}`,
          platform: 'amazon',
          date: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`,
          importId: 'a'.repeat(64),
          row: i + 2,
          orderId: `111-${i}`,
          amount: { amount: 150 + (i % 300), currency: 'USD' },
          feeType: 'Commission',
        }
      : {
          kind: 'order',
          key: `amazon:order:${i}`,
          platform: 'amazon',
          date: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`,
          importId: 'a'.repeat(64),
          row: i + 2,
          orderId: `111-${i}`,
          gross: { amount: 1000 + (i % 5000), currency: 'USD' },
          status: 'paid',
          marketplace: 'amazon.com',
        };
  chunks[seq]?.records.push(entry);
}

/** CPU milliseconds of the best of `runs` (wall clock is unreliable on a shared machine). */
function best(runs: number, work: () => unknown): number {
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t = process.cpuUsage();
    work();
    const used = process.cpuUsage(t);
    min = Math.min(min, (used.user + used.system) / 1000);
  }
  return min;
}

let sink = 0;
const sumMs = best(5, () => {
  let total = 0;
  for (const c of chunks)
    for (const e of c.records) total += e.kind === 'order' ? e.gross.amount : e.amount.amount;
  sink += total;
});
const checkMs = best(5, () => {
  for (const c of chunks)
    if (chunkProblem(c, [c.platform, c.month, c.seq]) !== null) throw new Error('rejected');
});
const zodMs = best(3, () => {
  for (const c of chunks) if (!RecordChunk.safeParse(c).success) throw new Error('rejected');
});
const cloneMs = best(3, () => {
  for (const c of chunks) sink += structuredClone(c).records.length;
});
// As stored since the eighth round: columns (lib/storage/chunk-columns.ts), encoded when put,
// cloned, and read back as records.
const encodeMs = best(3, () => {
  for (const c of chunks) sink += toColumns(c).count;
});
const stored = chunks.map(toColumns);
const columnsReadMs = best(3, () => {
  for (const c of stored) sink += (chunkOf(structuredClone(c)) as RecordChunk).records.length;
});
process.stdout.write(
  JSON.stringify({
    records: N,
    chunks: chunks.length,
    sumMs,
    checkMs,
    zodMs,
    cloneMs,
    encodeMs,
    columnsReadMs,
    sink: sink > 0,
  }),
);
