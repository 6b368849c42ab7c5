import type { Provenance } from '../domain/provenance.ts';
import type { LedgerEntry, Platform } from '../domain/records.ts';
import type { TradelineDatabase } from './db.ts';
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
