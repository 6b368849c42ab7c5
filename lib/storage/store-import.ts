import type { Provenance } from '../domain/provenance.ts';
import type { LedgerEntry, Platform } from '../domain/records.ts';
import type { TradelineDatabase } from './db.ts';
import { type ImportResult, importEntries } from './ledger-repo.ts';
import { recomputeProfile } from './profile-repo.ts';

export interface StoreImportRequest {
  provenance: Provenance;
  platform: Platform;
  entries: readonly LedgerEntry[];
}

/**
 * Stores one batch of an import (dedupe, chunks, monthly totals) and, when it added anything,
 * recomputes the stored profile so that the popup only ever reads it. The background stores
 * content scripts' imports through it; the options page's import worker stores files through it
 * directly (extension pages share the extension's IndexedDB), so a large file's records never
 * cross the page's main thread or the message channel.
 */
export async function storeImport(
  db: TradelineDatabase,
  { provenance, platform, entries }: StoreImportRequest,
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
  );
  if (result.added > 0) await recomputeProfile(db, now.toISOString().slice(0, 10), now);
  return result;
}
