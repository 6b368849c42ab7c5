/**
 * The storage benchmark, run inside the built extension (bench.html, added to a copy of
 * .output/chrome-mv3 by bench/browser/run.ts; never part of the production bundle). It uses the
 * extension's own IndexedDB origin and the very functions the background runs on import.
 */
import { deleteDB } from 'idb';
import type { Provenance } from '../../lib/domain/provenance.ts';
import type { LedgerEntry, RecordChunk } from '../../lib/domain/records.ts';
import { createHandlers } from '../../lib/messaging/handlers.ts';
import { PROTOCOL } from '../../lib/messaging/protocol.ts';
import { createRouter } from '../../lib/messaging/router.ts';
import { chunkOf } from '../../lib/storage/chunk-columns.ts';
import { openTradelineDb, type TradelineDatabase } from '../../lib/storage/db.ts';
import { splitStoredKeys } from '../../lib/storage/dedupe-keys.ts';
import { importEntries } from '../../lib/storage/ledger-repo.ts';
import { listAggregates } from '../../lib/storage/overview-repo.ts';
import { recomputeProfile } from '../../lib/storage/profile-repo.ts';

/** Records per stored batch, as the import worker stores them (components/options/ImportPanel.tsx MAX_BATCH). */
const WORKER_BATCH = 20_000;
/** Records per message of the background's path (content scripts send one message per page or file). */
const MESSAGE_BATCH = 50_000;
/** Records per transaction of the per-record baseline. */
const PER_RECORD_TX = 10_000;
/** Records per value of the chunked baseline (lib/storage/schema.ts CHUNK_SIZE). */
const CHUNK = 10_000;
const IMPORT_ID = 'be'.repeat(32);
/** Runs of the chunked floor and of Tradeline's storing, alternating (5: the median is steadier than of 3). */
const ROUNDS = 5;

/** mulberry32: the same orders in every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` Amazon orders spread evenly over the 24 months to `lastMonth`, in date order. */
export function generateOrders(count: number, lastMonth = '2026-10'): LedgerEntry[] {
  const random = rng(7);
  const end = Date.UTC(Number(lastMonth.slice(0, 4)), Number(lastMonth.slice(5, 7)), 1);
  const start = Date.UTC(Number(lastMonth.slice(0, 4)) - 2, Number(lastMonth.slice(5, 7)), 1);
  const span = end - start;
  const out: LedgerEntry[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const orderId = `${100 + (i % 900)}-${String(1_000_000 + i).padStart(7, '0')}-${String(i * 7919)
      .padStart(7, '0')
      .slice(-7)}`;
    out[i] = {
      kind: 'order',
      key: `amazon:order:${orderId}`,
      platform: 'amazon',
      date: new Date(start + Math.floor((i / count) * span)).toISOString().slice(0, 10),
      importId: IMPORT_ID,
      row: i + 2,
      orderId,
      gross: { amount: 500 + Math.floor(random() * 20_000), currency: 'USD' },
      status: 'paid',
      marketplace: 'Amazon.com',
    };
  }
  return out;
}

function provenance(rows: number): Provenance {
  return {
    kind: 'file',
    name: 'bench-orders.txt',
    size: rows * 120,
    format: 'amazon-settlement-v2',
    sha256: IMPORT_ID,
    rows,
    readAt: '2026-11-01T10:00:00.000Z',
  };
}

const ms = (start: number) => performance.now() - start;

/**
 * The orders as a run receives them: a copy made before its timing starts, from a collected
 * heap (run.ts starts Chromium with gc() exposed). An import's records arrive as a worker's or a
 * content script's message: new objects and strings, which V8 has never hashed. A run given
 * the very strings an earlier run had used met them hashed already, which made Tradeline's
 * dedupe look about 0.5 s per million faster than any import is (docs/performance.md).
 */
function fresh(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const copy = structuredClone(entries) as LedgerEntry[];
  (globalThis as { gc?: () => void }).gc?.();
  return copy;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Opens a scratch database with one store, through the bare IndexedDB API (no wrapper in the
 * loop); keys given next to each value unless `keyPath`.
 */
function openBare(name: string, keyPath?: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () =>
      request.result.createObjectStore('values', keyPath === undefined ? {} : { keyPath });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
}

/** Baseline A: one `put` per record, PER_RECORD_TX records per transaction. */
async function perRecordPuts(entries: readonly LedgerEntry[]): Promise<number> {
  await deleteDB('bench-per-record');
  const db = await openBare('bench-per-record', 'key');
  const start = performance.now();
  for (let offset = 0; offset < entries.length; offset += PER_RECORD_TX) {
    const tx = db.transaction('values', 'readwrite');
    const store = tx.objectStore('values');
    const end = Math.min(offset + PER_RECORD_TX, entries.length);
    for (let i = offset; i < end; i++) store.put(entries[i]);
    await committed(tx);
  }
  const took = ms(start);
  db.close();
  await deleteDB('bench-per-record');
  return took;
}

/**
 * Baseline B: the same records packed into values of CHUNK, bare puts in one transaction. The
 * floor puts each value with its key next to it; `keyPath` puts them into a store with a key
 * path, for which the browser clones each value to read its key (Tradeline's chunks were stored
 * that way until migration 011): shown next to the floor.
 */
async function chunkedPuts(entries: readonly LedgerEntry[], keyPath = false): Promise<number> {
  await deleteDB('bench-chunked');
  const db = await openBare('bench-chunked', keyPath ? 'seq' : undefined);
  const start = performance.now();
  const tx = db.transaction('values', 'readwrite');
  const store = tx.objectStore('values');
  for (let offset = 0, seq = 0; offset < entries.length; offset += CHUNK, seq++) {
    const value = { seq, records: entries.slice(offset, offset + CHUNK) };
    if (keyPath) store.put(value);
    else store.put(value, seq);
  }
  await committed(tx);
  const took = ms(start);
  db.close();
  await deleteDB('bench-chunked');
  return took;
}

/**
 * Reading every record back, as an export does (and a removal for its months): B's chunks of
 * records, put first and not timed, read back by one cursor.
 */
async function chunkedReadBack(entries: readonly LedgerEntry[]): Promise<number> {
  await deleteDB('bench-chunked-read');
  const db = await openBare('bench-chunked-read');
  const tx = db.transaction('values', 'readwrite');
  for (let offset = 0, seq = 0; offset < entries.length; offset += CHUNK, seq++) {
    tx.objectStore('values').put({ seq, records: entries.slice(offset, offset + CHUNK) }, seq);
  }
  await committed(tx);
  const start = performance.now();
  let records = 0;
  await new Promise<void>((resolve, reject) => {
    const request = db.transaction('values').objectStore('values').openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      records += (cursor.value as { records: unknown[] }).records.length;
      cursor.continue();
    };
    request.onerror = () => reject(request.error);
  });
  const took = ms(start);
  db.close();
  await deleteDB('bench-chunked-read');
  if (records !== entries.length) throw new Error(`read back ${records} of ${entries.length} records`);
  return took;
}

/** Every stored record read back as records (chunk-columns.ts decodes columns), by one cursor. */
async function tradelineReadBack(db: TradelineDatabase): Promise<{ ms: number; records: number }> {
  const start = performance.now();
  let records = 0;
  let cursor = await db.transaction('chunks').store.openCursor();
  while (cursor) {
    records += (chunkOf(cursor.value) as RecordChunk).records.length;
    cursor = await cursor.continue();
  }
  return { ms: ms(start), records };
}

/** Tradeline's storing (lib/storage importEntries, with dedupe), in the import worker's batches. */
async function tradelineStore(db: TradelineDatabase, entries: readonly LedgerEntry[]): Promise<number> {
  const meta = {
    id: IMPORT_ID,
    provenance: provenance(entries.length),
    importedAt: new Date().toISOString(),
  };
  const start = performance.now();
  // Batch positions as the worker sends them: the file counts (its totals merged) at the last one.
  const count = Math.ceil(entries.length / WORKER_BATCH);
  for (let index = 0; index < count; index++) {
    const batch = entries.slice(index * WORKER_BATCH, (index + 1) * WORKER_BATCH);
    await importEntries(db, meta, 'amazon', batch, { index, count });
  }
  return ms(start);
}

interface Snapshot {
  records: number;
  chunks: number;
  dedupeKeys: number;
  aggregates: string;
  imports: { added: number; duplicates: number; months: number }[];
  profile: { score: number; band: string; computedAt: string } | null;
}

/** What is stored, counted from the stores themselves (not from what the import said). */
async function snapshot(db: TradelineDatabase): Promise<Snapshot> {
  let records = 0;
  let chunks = 0;
  let cursor = await db.transaction('chunks').store.openCursor();
  while (cursor) {
    chunks += 1;
    records += (chunkOf(cursor.value) as RecordChunk).records.length;
    cursor = await cursor.continue();
  }
  const dedupe = await db.getAll('dedupe');
  const profile = await db.get('profiles', 'current');
  return {
    records,
    chunks,
    dedupeKeys: dedupe.reduce((n, d) => n + splitStoredKeys(d.keys).length, 0),
    aggregates: JSON.stringify(await listAggregates(db)),
    imports: (await db.getAll('imports')).map((i) => ({
      added: i.added,
      duplicates: i.duplicates,
      months: i.months.length,
    })),
    profile: profile
      ? { score: profile.profile.score, band: profile.profile.band, computedAt: profile.computedAt }
      : null,
  };
}

export interface StorageResult {
  orders: number;
  generateMs: number;
  perRecordMs: number;
  /** Median of chunkedRuns. */
  chunkedMs: number;
  chunkedRuns: number[];
  /** Baseline B into a store with a key path (each value cloned for its key): median of keyPathRuns. */
  keyPathMs: number;
  keyPathRuns: number[];
  /** importEntries alone (lib/storage), 20,000 records per call. */
  storeMs: number;
  storeRuns: number[];
  /** The background's whole path after a message arrives: router (zod) + handler + profile. */
  backgroundMs: number;
  /** The zod check of every message alone (part of backgroundMs). */
  checkMs: number;
  /** One profile recompute from the monthly totals (backgroundMs has one per message). */
  profileMs: number;
  reimportMs: number;
  reimport: { added: number; duplicates: number };
  /** Every record read back as records: Tradeline's chunks (columns), and B's (records). */
  readBackMs: number;
  chunkedReadBackMs: number;
  before: Omit<Snapshot, 'aggregates'> & { aggregatesBytes: number };
  afterEqual: boolean;
  differences: string[];
  expectedGrossUsd: number;
  storedGrossUsd: number;
  yearAggregates: { months: number; firstMs: number; medianMs: number; maxMs: number };
}

/** Item 1 of issue 10: baselines A and B and Tradeline's import on the same orders, in one run. */
async function storage(count: number): Promise<StorageResult> {
  let start = performance.now();
  const entries = generateOrders(count);
  const generateMs = ms(start);
  const expectedGrossUsd = entries.reduce((n, e) => n + (e.kind === 'order' ? e.gross.amount : 0), 0);

  // B, Tradeline's storing and B with a key path alternate, ROUNDS times each on fresh
  // databases: all meet the same machine load and garbage in the page; the medians are compared.
  const chunkedRuns: number[] = [];
  const storeRuns: number[] = [];
  const keyPathRuns: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    chunkedRuns.push(await chunkedPuts(fresh(entries)));
    await deleteDB('bench-tradeline-store');
    const scratch = await openTradelineDb({ name: 'bench-tradeline-store' });
    storeRuns.push(await tradelineStore(scratch, fresh(entries)));
    scratch.close();
    await deleteDB('bench-tradeline-store');
    keyPathRuns.push(await chunkedPuts(fresh(entries), true));
  }
  const chunkedMs = median(chunkedRuns);
  const storeMs = median(storeRuns);
  const keyPathMs = median(keyPathRuns);

  const perRecordMs = await perRecordPuts(entries);

  // The background's path into the extension's own database, which the popup then reads.
  const db = await openTradelineDb();
  if ((await db.count('imports')) > 0)
    throw new Error('The extension database is not empty: use a fresh profile.');
  const send = () => importThroughBackground(db, entries);
  start = performance.now();
  await send();
  const backgroundMs = ms(start);
  // Its parts: the zod check of every message alone, and one profile recompute.
  start = performance.now();
  for (let offset = 0; offset < entries.length; offset += MESSAGE_BATCH) {
    const checked = PROTOCOL.importEntries.request.safeParse({
      provenance: provenance(entries.length),
      platform: 'amazon',
      entries: entries.slice(offset, offset + MESSAGE_BATCH),
    });
    if (!checked.success) throw new Error('the bench orders do not pass the protocol check');
  }
  const checkMs = ms(start);
  start = performance.now();
  await recomputeProfile(db, new Date().toISOString().slice(0, 10));
  const profileMs = ms(start);
  const before = await snapshot(db);
  const readBack = await tradelineReadBack(db);
  if (readBack.records !== before.records) throw new Error('reading back found other records');
  const chunkedReadBackMs = await chunkedReadBack(fresh(entries));

  start = performance.now();
  const reimport = await send();
  const reimportMs = ms(start);
  const after = await snapshot(db);
  const differences: string[] = [];
  if (after.records !== before.records) differences.push(`records ${before.records} → ${after.records}`);
  if (after.chunks !== before.chunks) differences.push(`chunks ${before.chunks} → ${after.chunks}`);
  if (after.dedupeKeys !== before.dedupeKeys)
    differences.push(`dedupe keys ${before.dedupeKeys} → ${after.dedupeKeys}`);
  if (after.aggregates !== before.aggregates) differences.push('monthly totals changed');
  if (after.imports[0]?.added !== before.imports[0]?.added) differences.push('import added count changed');
  if (after.profile?.score !== before.profile?.score) differences.push('profile score changed');

  const aggregates = JSON.parse(before.aggregates) as { grossSales: Record<string, number> }[];
  const storedGrossUsd = aggregates.reduce((n, a) => n + (a.grossSales.USD ?? 0), 0);

  // One year's monthly totals, as the popup and the profile read them (a fresh connection first).
  db.close();
  const times: number[] = [];
  let months = 0;
  for (let i = 0; i < 21; i++) {
    const reader = await openTradelineDb();
    start = performance.now();
    const year = (await listAggregates(reader)).filter((a) => a.month >= '2025-11' && a.month <= '2026-10');
    times.push(ms(start));
    months = year.length;
    reader.close();
  }

  const { aggregates: text, ...counts } = before;
  return {
    orders: count,
    generateMs,
    perRecordMs,
    chunkedMs,
    chunkedRuns,
    keyPathMs,
    keyPathRuns,
    storeMs,
    storeRuns,
    backgroundMs,
    checkMs,
    profileMs,
    reimportMs,
    reimport,
    readBackMs: readBack.ms,
    chunkedReadBackMs,
    before: { ...counts, aggregatesBytes: text.length },
    afterEqual: differences.length === 0,
    differences,
    expectedGrossUsd,
    storedGrossUsd,
    yearAggregates: {
      months,
      firstMs: times[0] ?? Number.NaN,
      medianMs: median(times),
      maxMs: Math.max(...times),
    },
  };
}

/** When the stored profile was computed (the popup must only read it, never recompute). */
async function profileComputedAt(): Promise<string | null> {
  const db = await openTradelineDb();
  const profile = await db.get('profiles', 'current');
  db.close();
  return profile?.computedAt ?? null;
}

/**
 * Stores `entries` into `db` through the background's path, as a content script's imports reach it:
 * the router (sender check, zod check of each message) and the `importEntries` handler, in
 * messages of MESSAGE_BATCH records.
 */
async function importThroughBackground(
  db: Awaited<ReturnType<typeof openTradelineDb>>,
  entries: readonly LedgerEntry[],
): Promise<{ added: number; duplicates: number }> {
  const route = createRouter(createHandlers({ db: async () => db, version: 'bench' }), {
    id: location.host,
    origin: `${location.origin}/`,
  });
  // What Chromium says of a message from an extension page: the extension's id and the page's URL.
  const sender = { id: location.host, url: location.href };
  const totals = { added: 0, duplicates: 0 };
  for (let offset = 0; offset < entries.length; offset += MESSAGE_BATCH) {
    const reply = await route(
      {
        channel: 'tradeline/v1',
        type: 'importEntries',
        data: {
          provenance: provenance(entries.length),
          platform: 'amazon',
          entries: entries.slice(offset, offset + MESSAGE_BATCH),
        },
      },
      sender,
    );
    if (!reply.ok) throw new Error(`importEntries refused: ${JSON.stringify(reply.error)}`);
    const data = reply.data as { added: number; duplicates: number };
    totals.added += data.added;
    totals.duplicates += data.duplicates;
  }
  return totals;
}

/**
 * Stores `count` orders into the extension's own database through the background's path only
 * (no baselines): the quick setup of the first-paint trace (bench/browser/paint-trace.ts).
 */
async function seed(count: number): Promise<void> {
  const entries = generateOrders(count);
  const db = await openTradelineDb();
  await importThroughBackground(db, entries);
  db.close();
}

declare global {
  interface Window {
    tradelineBench: {
      storage: typeof storage;
      profileComputedAt: typeof profileComputedAt;
      seed: typeof seed;
    };
  }
}

window.tradelineBench = { storage, profileComputedAt, seed };
document.title = 'Tradeline bench ready';
