import { addMonths } from '../domain/months.ts';
import type { ImportRecord, LedgerEntry, Platform } from '../domain/records.ts';
import { MONTH_WRITER_STORES, repairMonth, storingIds, totalsOf } from './chunk-check.ts';
import { putChunk } from './chunk-put.ts';
import type { TradelineDatabase } from './db.ts';
import { storedKeysOf } from './dedupe-keys.ts';
import { markDedupeWritten } from './dedupe-revision.ts';
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

export interface RemoveOptions {
  now?: Date;
  /**
   * Rolling back an interrupted import: only when it is still `storing` (else nothing is done and
   * null is returned), and its record is kept as `interrupted`, the seller's notice.
   */
  rollback?: boolean;
}

/**
 * Deletes one import and every record it added, in one transaction: each affected platform-month
 * has its chunks rewritten without those records (packed from seq 0, surplus chunks deleted), its
 * dedupe keys rebuilt, and its monthly totals recomputed from the records that remain (those of
 * imports still storing excepted: theirs wait in their import record). Damaged chunks met on the
 * way are quarantined (chunk-check.ts). The result is what the stores would hold had the import
 * never been made (when no later import skipped records as duplicates of it: see `reimport`).
 * The caller recomputes the profile.
 */
export async function removeImport(db: TradelineDatabase, importId: string): Promise<RemoveImportResult>;
export async function removeImport(
  db: TradelineDatabase,
  importId: string,
  options: RemoveOptions,
): Promise<RemoveImportResult | null>;
export async function removeImport(
  db: TradelineDatabase,
  importId: string,
  options: RemoveOptions = {},
): Promise<RemoveImportResult | null> {
  const now = options.now ?? new Date();
  const tx = db.transaction(MONTH_WRITER_STORES, 'readwrite');
  const imports = tx.objectStore('imports');
  const chunks = tx.objectStore('chunks');

  const record = await imports.get(importId);
  if (options.rollback && record?.state !== 'storing') {
    await tx.done;
    return null;
  }
  if (!record || record.state === 'interrupted') {
    await tx.done;
    throw new Error(`There is no import ${importId}: it may have been removed already.`);
  }
  const platform: Platform = record.platform;
  const storing = storingIds(await imports.getAll());
  storing.delete(importId);
  let removed = 0;
  const months: string[] = [];

  for (const month of record.months) {
    const month_ = await repairMonth(tx, platform, month, now);
    const kept: LedgerEntry[] = month_.records.filter((entry) => entry.importId !== importId);
    const count = month_.records.length - kept.length;
    if (count === 0) continue;
    removed += count;
    months.push(month);

    // Chunks, packed again from seq 0 in their stored order.
    const packed = Math.ceil(kept.length / CHUNK_SIZE);
    for (let seq = 0; seq < packed; seq++) {
      void putChunk(chunks, {
        platform,
        month,
        seq,
        records: kept.slice(seq * CHUNK_SIZE, (seq + 1) * CHUNK_SIZE),
      });
    }
    for (const chunk of month_.chunks)
      if (chunk.seq >= packed) void chunks.delete([platform, month, chunk.seq]);

    // Dedupe keys: those of the records that remain, in their order.
    if (kept.length > 0) void tx.objectStore('dedupe').put({ platform, month, keys: storedKeysOf(kept) });
    else void tx.objectStore('dedupe').delete([platform, month]);
    markDedupeWritten(tx);

    // Totals from the records that remain, in the order they were added.
    const totals = totalsOf(platform, month, kept, storing);
    if (totals) void tx.objectStore('aggregates').put(totals);
    else void tx.objectStore('aggregates').delete([platform, month]);
  }

  const touched = new Set(record.months.flatMap((m) => [addMonths(m, -1), m, addMonths(m, 1)]));
  const reimport = (await imports.getAll())
    .filter(
      (other) =>
        other.id !== importId &&
        other.platform === platform &&
        other.state !== 'interrupted' &&
        other.duplicates > 0 &&
        other.months.some((m) => touched.has(m)),
    )
    .map((other) => other.id);

  if (options.rollback) {
    // Only the notice stays: nothing of the file counts, and the seller is told to import it again.
    const notice: ImportRecord = {
      id: record.id,
      provenance: record.provenance,
      importedAt: record.importedAt,
      platform,
      added: 0,
      duplicates: 0,
      months: [],
      state: 'interrupted',
      interruptedAt: now.toISOString(),
    };
    void imports.put(notice);
  } else void imports.delete(importId);
  await tx.done;
  return { importId, removed, months, reimport };
}
