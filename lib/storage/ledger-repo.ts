import { addMonths } from '../domain/months.ts';
import type { QuarantinedRecord } from '../domain/quarantine.ts';
import type {
  DedupeKeys,
  ImportRecord,
  LedgerEntry,
  MonthAggregate,
  Platform,
  RecordChunk,
} from '../domain/records.ts';
import { addEntry, emptyAggregate } from './aggregate.ts';
import {
  chunkProblem,
  dedupeProblem,
  mergeAggregate,
  type RepairTransaction,
  repairMonth,
} from './chunk-check.ts';
import type { TradelineDatabase } from './db.ts';
import { storageError } from './errors.ts';
import { CHUNK_SIZE } from './schema.ts';

export interface ImportResult {
  importId: string;
  added: number;
  duplicates: number;
  months: string[];
}

type ImportMeta = Omit<ImportRecord, 'added' | 'duplicates' | 'months' | 'platform' | 'state' | 'pending'>;

/** Which batch of a file stored in several calls this is (absent: the whole import in one call). */
export interface BatchPosition {
  index: number;
  count: number;
}

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
 * Stores one import's records (or one batch of them) in a single transaction: records whose
 * dedupe key is already stored (from this file imported before, or an overlapping one) are
 * counted as duplicates and skipped; the rest are appended to the platform-month chunks. Either
 * everything of the call is stored or nothing is.
 *
 * A file stored in several calls (`batch`) is all or nothing as the seller sees it: until its
 * last batch commits the import is `storing` and its totals wait in the import record, so the
 * overview, profile and sources never count it; the last batch adds them to the monthly totals
 * and marks it `complete` in its own transaction. A storing import whose writer died is rolled
 * back (interrupted.ts).
 */
export async function importEntries(
  db: TradelineDatabase,
  meta: ImportMeta,
  platform: Platform,
  entries: readonly LedgerEntry[],
  batch?: BatchPosition,
  now: Date = new Date(),
): Promise<ImportResult> {
  const tx = db.transaction(['imports', 'chunks', 'dedupe', 'aggregates', 'quarantine'], 'readwrite');
  try {
    return await storeImport(tx, meta, platform, entries, batch, now);
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

async function storeImport(
  tx: RepairTransaction,
  meta: ImportMeta,
  platform: Platform,
  entries: readonly LedgerEntry[],
  batch: BatchPosition | undefined,
  now: Date,
): Promise<ImportResult> {
  const chunks = tx.objectStore('chunks');
  const dedupe = tx.objectStore('dedupe');
  const aggregates = tx.objectStore('aggregates');
  let added = 0;
  let duplicates = 0;
  const months = new Set<string>();
  const deltas = new Map<string, MonthAggregate>();

  // Dedupe keys of each platform-month, loaded once per import. The same event can carry
  // different dates in different formats (order date, charge date, settlement posting), so a
  // record is also checked against the neighbouring months.
  const keySets = new Map<string, { keys: string[]; set: Set<string> }>();
  const keysOf = async (platform: Platform, month: string) => {
    const id = `${platform}|${month}`;
    let found = keySets.get(id);
    if (!found) {
      const stored: unknown = await dedupe.get([platform, month]);
      let keys: string[];
      if (stored === undefined) keys = [];
      else if (dedupeProblem(stored, [platform, month]) === null) keys = (stored as DedupeKeys).keys;
      else {
        // Damaged keys: rebuilt from the month's records (damaged chunks set aside with them).
        await quarantineValue(tx, 'dedupe', [platform, month], stored, now);
        keys = (await repairMonth(tx, platform, month, now, true)).records.map((r) => r.key);
      }
      found = { keys, set: new Set(keys) };
      keySets.set(id, found);
    }
    return found;
  };

  for (const [id, group] of groupByPlatformMonth(entries)) {
    const [groupPlatform, month] = id.split('|') as [Platform, string];
    months.add(month);
    // The chunk to append to, checked first: a damaged one is set aside (the month's keys and
    // totals rebuilt from the rest) before deduping, so its records can be stored again.
    const range = IDBKeyRange.bound(
      [groupPlatform, month, 0],
      [groupPlatform, month, Number.MAX_SAFE_INTEGER],
    );
    const last = await chunks.openCursor(range, 'prev');
    let chunk: RecordChunk = { platform: groupPlatform, month, seq: 0, records: [] };
    if (last && chunkProblem(last.value, last.key as [string, string, number]) === null) chunk = last.value;
    else if (last) {
      const repaired = await repairMonth(tx, groupPlatform, month, now);
      const keys = repaired.records.map((r) => r.key);
      keySets.set(id, { keys, set: new Set(keys) });
      const previous = repaired.chunks.at(-1);
      if (previous && previous.records.length < CHUNK_SIZE) chunk = previous;
      else if (previous) chunk = { platform: groupPlatform, month, seq: previous.seq + 1, records: [] };
    }
    const own = await keysOf(groupPlatform, month);
    const before = await keysOf(groupPlatform, addMonths(month, -1));
    const after = await keysOf(groupPlatform, addMonths(month, 1));
    const fresh: LedgerEntry[] = [];
    for (const entry of group) {
      if (own.set.has(entry.key) || before.set.has(entry.key) || after.set.has(entry.key)) {
        duplicates += 1;
        continue;
      }
      own.set.add(entry.key);
      own.keys.push(entry.key);
      fresh.push(entry);
    }
    if (fresh.length === 0) continue;
    added += fresh.length;

    let offset = 0;
    while (offset < fresh.length) {
      if (chunk.records.length >= CHUNK_SIZE) {
        chunk = { platform: groupPlatform, month, seq: chunk.seq + 1, records: [] };
      }
      const take = Math.min(CHUNK_SIZE - chunk.records.length, fresh.length - offset);
      chunk.records.push(...fresh.slice(offset, offset + take));
      offset += take;
      void chunks.put(chunk);
    }
    void dedupe.put({ platform: groupPlatform, month, keys: own.keys });

    const delta = emptyAggregate(groupPlatform, month);
    for (const entry of fresh) addEntry(delta, entry);
    deltas.set(month, delta);
  }

  const imports = tx.objectStore('imports');
  const stored = await imports.get(meta.id);
  // An interrupted import's record is only its notice: this file starts afresh.
  const previous = stored?.state === 'interrupted' ? undefined : stored;
  const wasStoring = previous?.state === 'storing';
  const last = !batch || batch.index >= batch.count - 1;
  // A re-import of a complete file that adds nothing keeps it complete (a crash then loses nothing).
  const storing = !last && (wasStoring || added > 0);
  const pending = new Map((previous?.pending ?? []).map((p) => [p.month, p]));
  for (const [month, delta] of deltas) {
    const into = pending.get(month);
    if (into) mergeAggregate(into, delta);
    else pending.set(month, delta);
  }
  if (!storing) {
    // The file is complete: its totals (all batches') count from this transaction on.
    for (const [month, delta] of pending) {
      const stored = await aggregates.get([platform, month]);
      const agg = stored ?? emptyAggregate(platform, month);
      mergeAggregate(agg, delta);
      void aggregates.put(agg);
    }
  }
  const record: ImportRecord = {
    ...meta,
    platform,
    added: added + (previous?.added ?? 0),
    // Batches of one file arrive as several calls with the same import id: counts add up.
    duplicates: duplicates + (previous?.duplicates ?? 0),
    months: [...new Set([...(previous?.months ?? []), ...months])].sort(),
    state: storing ? 'storing' : 'complete',
    ...(storing ? { pending: [...pending.values()] } : {}),
  };
  void imports.put(record);
  await tx.done;
  return { importId: meta.id, added, duplicates, months: [...months].sort() };
}

/** Moves one damaged value to quarantine inside the caller's transaction. */
async function quarantineValue(
  tx: RepairTransaction,
  store: 'dedupe',
  key: [string, string],
  value: unknown,
  now: Date,
): Promise<void> {
  const record: Omit<QuarantinedRecord, 'id'> = {
    store,
    key: key.join(' / '),
    problem: `${dedupeProblem(value, key)}; rebuilt from the stored records.`,
    quarantinedAt: now.toISOString(),
    value,
  };
  void tx.objectStore('quarantine').add(record as QuarantinedRecord);
  await tx.objectStore(store).delete(key);
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
