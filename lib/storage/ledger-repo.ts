import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import { addMonths } from '../domain/months.ts';
import type { ImportRecord, LedgerEntry, MonthAggregate, Platform, RecordChunk } from '../domain/records.ts';
import { addEntry, emptyAggregate } from './aggregate.ts';
import type { TradelineDatabase } from './db.ts';
import { appendStoredKeys, splitStoredKeys, storedKey } from './dedupe-keys.ts';
import { storageError } from './errors.ts';
import { CHUNK_SIZE, type TradelineDB } from './schema.ts';

export interface ImportResult {
  importId: string;
  added: number;
  duplicates: number;
  months: string[];
}

type ImportMeta = Omit<ImportRecord, 'added' | 'duplicates' | 'months' | 'platform'>;

function groupByPlatformMonth(entries: readonly LedgerEntry[]): Map<string, LedgerEntry[]> {
  const groups = new Map<string, LedgerEntry[]>();
  for (const entry of entries) {
    const id = `${entry.platform}|${entry.date.slice(0, 7)}`;
    const list = groups.get(id);
    if (list) list.push(entry);
    else groups.set(id, [entry]);
  }
  return groups;
}

/**
 * Stores one import's records in a single transaction: records whose dedupe key is already
 * stored (from this file imported before, or an overlapping one) are counted as duplicates and
 * skipped; the rest are appended to the platform-month chunks, and the monthly totals updated.
 * Either everything is stored or nothing is.
 */
export async function importEntries(
  db: TradelineDatabase,
  meta: ImportMeta,
  platform: Platform,
  entries: readonly LedgerEntry[],
): Promise<ImportResult> {
  const tx = db.transaction(['imports', 'chunks', 'dedupe', 'aggregates'], 'readwrite');
  try {
    return await storeImport(tx, meta, platform, entries);
  } catch (error) {
    // Whatever failed (a value that cannot be stored, a full disk), nothing of this call stays:
    // requests already queued in the transaction would otherwise commit when it ends.
    try {
      tx.abort();
    } catch {
      // already finished or aborted by the browser
    }
    await tx.done.catch(() => undefined);
    throw storageError(error);
  }
}

interface KeySet {
  /** The stored key list the set was built from (and is kept equal to). */
  joined: string;
  set: Set<string>;
}

/**
 * The key sets of the months the last successful call used, for the next call: a file's batches
 * come in date order, so the next batch needs mostly the same months, and building a set of a
 * month's tens of thousands of keys again on every batch was a large part of storing's cost. A set
 * is reused only if the stored list is still exactly the string it was built from (another page
 * or a removal may have written since). A call takes the sets it uses out of here and puts them
 * back only once its transaction committed: a failed call's sets (holding keys that were never
 * stored) are never reused, and two calls never share one.
 */
let recent = new Map<string, KeySet>();

function takeRecent(id: string, joined: string): KeySet | undefined {
  const found = recent.get(id);
  recent.delete(id);
  return found && found.joined === joined ? found : undefined;
}

/** Keeps only the last call's months, so that memory stays a few months of keys. */
function keepRecent(used: Map<string, KeySet>): void {
  recent = used;
}

type ImportStores = ('imports' | 'chunks' | 'dedupe' | 'aggregates')[];
type ImportTransaction = IDBPTransaction<TradelineDB, ImportStores, 'readwrite'>;

async function storeImport(
  tx: ImportTransaction,
  meta: ImportMeta,
  platform: Platform,
  entries: readonly LedgerEntry[],
): Promise<ImportResult> {
  const chunks = tx.objectStore('chunks');
  const dedupe = tx.objectStore('dedupe');
  const aggregates = tx.objectStore('aggregates');
  let added = 0;
  let duplicates = 0;
  const months = new Set<string>();

  // Dedupe keys of each platform-month, loaded once per call. The same event can carry
  // different dates in different formats (order date, charge date, settlement posting), so a
  // record is also checked against the neighbouring months.
  const keySets = new Map<string, KeySet>();
  const keysOf = async (platform: Platform, month: string) => {
    const id = `${tx.db.name}|${platform}|${month}`;
    let found = keySets.get(id);
    if (!found) {
      const joined = (await dedupe.get([platform, month]))?.keys ?? '';
      found = takeRecent(id, joined) ?? { joined, set: new Set(splitStoredKeys(joined)) };
      keySets.set(id, found);
    }
    return found;
  };

  for (const [id, group] of groupByPlatformMonth(entries)) {
    const [groupPlatform, month] = id.split('|') as [Platform, string];
    months.add(month);
    const own = await keysOf(groupPlatform, month);
    const before = await keysOf(groupPlatform, addMonths(month, -1));
    const after = await keysOf(groupPlatform, addMonths(month, 1));
    const fresh: LedgerEntry[] = [];
    const freshKeys: string[] = [];
    for (const entry of group) {
      const key = storedKey(entry.key);
      if (own.set.has(key) || before.set.has(key) || after.set.has(key)) {
        duplicates += 1;
        continue;
      }
      own.set.add(key);
      freshKeys.push(key);
      fresh.push(entry);
    }
    if (fresh.length === 0) continue;
    added += fresh.length;
    own.joined = appendStoredKeys(own.joined, freshKeys);
    void dedupe.put({ platform: groupPlatform, month, keys: own.joined });

    for (const chunk of await chunksFor(chunks, groupPlatform, month, fresh)) void chunks.put(chunk);

    const agg: MonthAggregate =
      (await aggregates.get([groupPlatform, month])) ?? emptyAggregate(groupPlatform, month);
    for (const entry of fresh) addEntry(agg, entry);
    void aggregates.put(agg);
  }

  const previous = await tx.objectStore('imports').get(meta.id);
  const record: ImportRecord = {
    ...meta,
    platform,
    added: added + (previous?.added ?? 0),
    // Batches of one file arrive as several calls with the same import id: counts add up.
    duplicates: duplicates + (previous?.duplicates ?? 0),
    months: [...new Set([...(previous?.months ?? []), ...months])].sort(),
  };
  void tx.objectStore('imports').put(record);
  await tx.done;
  keepRecent(keySets);
  return { importId: meta.id, added, duplicates, months: [...months].sort() };
}

/**
 * The chunks that store `fresh`, a platform-month's new records, after the month's stored ones.
 * A small addition (a dashboard page read) tops up the month's last chunk, so that chunks stay
 * full; a large one (a file's batch) starts new chunks after it instead: re-reading and rewriting
 * a chunk of up to CHUNK_SIZE records on every batch cost as much as storing a fifth of the batch.
 */
async function chunksFor(
  chunks: IDBPObjectStore<TradelineDB, ImportStores, 'chunks', 'readwrite'>,
  platform: Platform,
  month: string,
  fresh: readonly LedgerEntry[],
): Promise<RecordChunk[]> {
  const range = IDBKeyRange.bound([platform, month, 0], [platform, month, Number.MAX_SAFE_INTEGER]);
  let chunk: RecordChunk | undefined;
  let nextSeq = 0;
  if (fresh.length < CHUNK_SIZE) {
    const last = await chunks.openCursor(range, 'prev');
    if (last) {
      chunk = last.value;
      nextSeq = chunk.seq + 1;
    }
  } else {
    const last = await chunks.openKeyCursor(range, 'prev');
    if (last) nextSeq = last.key[2] + 1;
  }
  const out: RecordChunk[] = [];
  let offset = 0;
  if (chunk && chunk.records.length < CHUNK_SIZE) {
    const take = Math.min(CHUNK_SIZE - chunk.records.length, fresh.length);
    chunk.records.push(...fresh.slice(0, take));
    out.push(chunk);
    offset = take;
  }
  while (offset < fresh.length) {
    out.push({ platform, month, seq: nextSeq, records: fresh.slice(offset, offset + CHUNK_SIZE) });
    nextSeq += 1;
    offset += CHUNK_SIZE;
  }
  return out;
}

/** Every stored record of one platform and month, in import order. */
export async function readMonth(
  db: TradelineDatabase,
  platform: Platform,
  month: string,
): Promise<LedgerEntry[]> {
  const chunks = await db.getAll(
    'chunks',
    IDBKeyRange.bound([platform, month, 0], [platform, month, Number.MAX_SAFE_INTEGER]),
  );
  return chunks.flatMap((c) => c.records);
}
