import { addMonths } from '../domain/months.ts';
import type { LedgerEntry, MonthAggregate, Platform, RecordChunk } from '../domain/records.ts';
import { addEntry, emptyAggregate } from './aggregate.ts';
import type { TradelineDatabase } from './db.ts';
import { joinStoredKeys, splitStoredKeys, storedKey } from './dedupe-keys.ts';
import { CHUNK_SIZE } from './schema.ts';

export interface RemoveImportResult {
  importId: string;
  /** Records of this import that were deleted. */
  removed: number;
  /** Months whose records and totals were rewritten. */
  months: string[];
  /**
   * Other imports of the same platform that skipped records as duplicates in these months (or
   * their neighbours): the skipped copies were never stored, so what they shared with the removed
   * import is gone until they are imported again.
   */
  reimport: string[];
}

/**
 * Deletes one import and every record it added, in one transaction: each affected platform-month
 * has its chunks rewritten without those records (packed from seq 0, surplus chunks deleted), its
 * dedupe keys pruned, and its monthly totals recomputed from the records that remain. The result
 * is what the stores would hold had the import never been made (when no later import skipped
 * records as duplicates of it: see `reimport`). The caller recomputes the profile.
 */
export async function removeImport(db: TradelineDatabase, importId: string): Promise<RemoveImportResult> {
  const tx = db.transaction(['imports', 'chunks', 'dedupe', 'aggregates'], 'readwrite');
  const imports = tx.objectStore('imports');
  const chunks = tx.objectStore('chunks');
  const dedupe = tx.objectStore('dedupe');
  const aggregates = tx.objectStore('aggregates');

  const record = await imports.get(importId);
  if (!record) {
    await tx.done;
    throw new Error(`There is no import ${importId}: it may have been removed already.`);
  }
  const platform: Platform = record.platform;
  let removed = 0;
  const months: string[] = [];

  for (const month of record.months) {
    const range = IDBKeyRange.bound([platform, month, 0], [platform, month, Number.MAX_SAFE_INTEGER]);
    const stored: RecordChunk[] = await chunks.getAll(range);
    const kept: LedgerEntry[] = [];
    const gone = new Set<string>();
    for (const chunk of stored) {
      for (const entry of chunk.records) {
        if (entry.importId === importId) gone.add(storedKey(entry.key));
        else kept.push(entry);
      }
    }
    const count = stored.reduce((n, c) => n + c.records.length, 0) - kept.length;
    if (count === 0) continue;
    removed += count;
    months.push(month);

    // Chunks, packed again from seq 0 in their stored order.
    const packed = Math.ceil(kept.length / CHUNK_SIZE);
    for (let seq = 0; seq < packed; seq++) {
      void chunks.put({
        platform,
        month,
        seq,
        records: kept.slice(seq * CHUNK_SIZE, (seq + 1) * CHUNK_SIZE),
      });
    }
    for (const chunk of stored) if (chunk.seq >= packed) void chunks.delete([platform, month, chunk.seq]);

    // Dedupe keys, in their order, without the removed records' keys.
    const keys = splitStoredKeys((await dedupe.get([platform, month]))?.keys ?? '');
    const left = keys.filter((k) => !gone.has(k));
    if (left.length > 0) void dedupe.put({ platform, month, keys: joinStoredKeys(left) });
    else void dedupe.delete([platform, month]);

    // Totals from the records that remain, in the order they were added.
    if (kept.length > 0) {
      const agg: MonthAggregate = emptyAggregate(platform, month);
      for (const entry of kept) addEntry(agg, entry);
      void aggregates.put(agg);
    } else {
      void aggregates.delete([platform, month]);
    }
  }

  const touched = new Set(record.months.flatMap((m) => [addMonths(m, -1), m, addMonths(m, 1)]));
  const reimport = (await imports.getAll())
    .filter(
      (other) =>
        other.id !== importId &&
        other.platform === platform &&
        other.duplicates > 0 &&
        other.months.some((m) => touched.has(m)),
    )
    .map((other) => other.id);

  void imports.delete(importId);
  await tx.done;
  return { importId, removed, months, reimport };
}
