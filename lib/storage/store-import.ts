import type { Provenance } from '../domain/provenance.ts';
import type { LedgerEntry, Platform } from '../domain/records.ts';
import type { TradelineDatabase } from './db.ts';
import { removeImport } from './imports-repo.ts';
import { dismissInterrupted, holdImportLock, type ImportLocks, recoverInterrupted } from './interrupted.ts';
import { type BatchPosition, type ImportResult, importEntries } from './ledger-repo.ts';
import { recomputeProfile } from './profile-repo.ts';

export interface StoreImportRequest {
  provenance: Provenance;
  platform: Platform;
  entries: readonly LedgerEntry[];
  /** Which batch of a file stored in several calls (absent: the whole import, as content scripts send it). */
  batch?: BatchPosition;
}

/**
 * Stores one batch of an import (dedupe, chunks, monthly totals) and, when the import is complete
 * and added anything, recomputes the stored profile so that the popup only ever reads it. A file
 * in several batches counts only once its last batch is stored (ledger-repo.ts). The background stores
 * content scripts' imports through it; the options page's import worker stores files through it
 * directly (extension pages share the extension's IndexedDB), so a large file's records never
 * cross the page's main thread or the message channel.
 */
export async function storeImport(
  db: TradelineDatabase,
  { provenance, platform, entries, batch }: StoreImportRequest,
  now: Date,
): Promise<ImportResult> {
  const id = provenance.sha256;
  const mismatched = entries.find((e) => e.importId !== id || e.platform !== platform);
  if (mismatched) throw new Error(`Record ${mismatched.key} does not belong to import ${id}.`);
  const result = await importEntries(
    db,
    { id, provenance, importedAt: now.toISOString() },
    platform,
    entries,
    batch,
    now,
  );
  const last = !batch || batch.index >= batch.count - 1;
  // Earlier batches' records count from the last one on: the profile changes then, not before.
  if (last && (result.added > 0 || (batch?.count ?? 1) > 1)) {
    await recomputeProfile(db, now.toISOString().slice(0, 10), now);
  }
  return result;
}

/**
 * Stores a file batch by batch for one writer (the options page's import worker), keeping the
 * whole file all or nothing: before its first batch, imports interrupted earlier are rolled back
 * and the file's lock (interrupted.ts) is taken and held until its last batch is stored, so that
 * a writer that dies mid-file (tab closed, browser killed) is recognised and undone by whoever
 * looks next. A batch that fails undoes what the file's earlier batches stored.
 */
export function createBatchStore(
  db: () => Promise<TradelineDatabase>,
  locks: ImportLocks | undefined,
  now: () => Date = () => new Date(),
) {
  let held: { id: string; release: () => void } | undefined;
  const release = () => {
    held?.release();
    held = undefined;
  };
  /** Undoes what the file's batches stored so far and lets its lock go. */
  const discard = async (id: string): Promise<void> => {
    const database = await db();
    await removeImport(database, id, { rollback: true, now: now() })
      .then(() => dismissInterrupted(database, id))
      .catch(() => undefined);
    release();
  };
  const store = async (request: StoreImportRequest & { batch: BatchPosition }): Promise<ImportResult> => {
    const database = await db();
    const id = request.provenance.sha256;
    if (request.batch.index === 0 || held?.id !== id) {
      release();
      await recoverInterrupted(database, locks, now());
      if (locks) held = { id, release: await holdImportLock(locks, id) };
    }
    try {
      const result = await storeImport(database, request, now());
      if (request.batch.index >= request.batch.count - 1) release();
      return result;
    } catch (error) {
      // The file fails as a whole: what its earlier batches stored goes too (the page says so).
      await discard(id);
      throw error;
    }
  };
  // A writer that fails a file between batches (its next batch could not be made) discards it too.
  return Object.assign(store, { discard });
}
