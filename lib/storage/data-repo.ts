import type { StoreNames } from 'idb';
import type { Platform, RecordChunk } from '../domain/records.ts';
import { chunkProblem, MONTH_WRITER_STORES, repairMonth } from './chunk-check.ts';
import { chunkOf } from './chunk-columns.ts';
import type { TradelineDatabase } from './db.ts';
import type { TradelineDB } from './schema.ts';

/** Key of a record chunk: [platform, month, seq]. */
export type ChunkKey = [string, string, number];

/** Chunks per export page: 5 x 10,000 records stays far below a message's size limit. */
export const EXPORT_CHUNKS_PER_PAGE = 5;

/** Every store except the record chunks, as stored (out-of-line keys are kept next to values). */
export interface ExportedStores {
  imports: unknown[];
  dedupe: unknown[];
  aggregates: unknown[];
  settings: { key: string; value: unknown }[];
  profiles: { key: string; value: unknown }[];
  applications: unknown[];
  channels: unknown[];
  /** Values set aside because they no longer parsed (migration 008). */
  quarantine: unknown[];
}

/**
 * One page of the export. The first page (no `after`) carries every store but the chunks; each
 * page carries up to `maxChunks` chunks, and `next` is the key to continue after (null: done).
 * Values other than chunks are exported as stored, unvalidated: an export must work precisely
 * when something no longer parses.
 */
export interface ExportPage {
  databaseVersion: number;
  stores?: ExportedStores;
  chunks: RecordChunk[];
  /**
   * Damaged chunks met on a later page: set aside (quarantine, with their month's keys and totals
   * rebuilt) and carried here as quarantine entries, so the file still holds them (on the first
   * page they are in `stores.quarantine`).
   */
  quarantined?: unknown[];
  next: ChunkKey | null;
}

async function keyed(db: TradelineDatabase, store: 'settings' | 'profiles') {
  const tx = db.transaction(store);
  const out: { key: string; value: unknown }[] = [];
  let cursor = await tx.store.openCursor();
  while (cursor) {
    out.push({ key: String(cursor.key), value: cursor.value });
    cursor = await cursor.continue();
  }
  await tx.done;
  return out;
}

/** Reads every store's content, a page of record chunks at a time (see ExportPage). */
export async function exportAll(
  db: TradelineDatabase,
  options: { after?: ChunkKey; maxChunks?: number; now?: Date } = {},
): Promise<ExportPage> {
  const maxChunks = Math.max(1, options.maxChunks ?? EXPORT_CHUNKS_PER_PAGE);
  const range = options.after ? IDBKeyRange.lowerBound(options.after, true) : undefined;
  // One more than a page tells whether another page follows.
  const tx = db.transaction('chunks');
  const [found, keys] = await Promise.all([
    tx.store.getAll(range, maxChunks + 1),
    tx.store.getAllKeys(range, maxChunks + 1),
  ]);
  await tx.done;
  const last = keys.slice(0, maxChunks).at(-1);
  const next: ChunkKey | null = found.length > maxChunks && last ? [...last] : null;
  // Every chunk is checked as it is exported; a damaged one is set aside rather than exported
  // as if it were records (its month's keys and totals rebuilt from the rest).
  const chunks: RecordChunk[] = [];
  const damagedMonths = new Map<string, [Platform, string]>();
  found.slice(0, maxChunks).forEach((stored: unknown, i) => {
    const key = keys[i] as ChunkKey;
    // Exported as records, however stored (chunk-columns.ts): an export reads back as before.
    const chunk = chunkOf(stored);
    if (chunkProblem(chunk, key) === null) chunks.push(chunk as RecordChunk);
    else damagedMonths.set(`${key[0]}|${key[1]}`, [key[0] as Platform, key[1]]);
  });
  const quarantined: unknown[] = [];
  for (const [platform, month] of damagedMonths.values()) {
    const repair = db.transaction(MONTH_WRITER_STORES, 'readwrite');
    const { quarantined: aside } = await repairMonth(repair, platform, month, options.now ?? new Date());
    await repair.done;
    quarantined.push(...aside);
  }
  const page: ExportPage = {
    databaseVersion: db.version,
    chunks,
    next,
    ...(quarantined.length > 0 ? { quarantined } : {}),
  };
  if (options.after) return page;
  // The first page reads the other stores after setting its damaged chunks aside: its own
  // quarantine entries are in the quarantine store, not repeated in `quarantined`.
  delete page.quarantined;
  const [imports, dedupe, aggregates, settings, profiles, applications, channels, quarantine] =
    await Promise.all([
      db.getAll('imports'),
      db.getAll('dedupe'),
      db.getAll('aggregates'),
      keyed(db, 'settings'),
      keyed(db, 'profiles'),
      db.getAll('applications'),
      db.getAll('channels'),
      db.getAll('quarantine'),
    ]);
  return {
    ...page,
    stores: { imports, dedupe, aggregates, settings, profiles, applications, channels, quarantine },
  };
}

/**
 * Clears every store of the database in one transaction: imports, records, totals, the profile,
 * settings, applications and added channels. Either all are cleared or none is.
 */
export async function deleteAll(db: TradelineDatabase): Promise<string[]> {
  const names = [...db.objectStoreNames] as StoreNames<TradelineDB>[];
  const tx = db.transaction(names, 'readwrite');
  for (const name of names) void tx.objectStore(name).clear();
  await tx.done;
  return names;
}
