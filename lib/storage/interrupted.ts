import { ImportRecord } from '../domain/records.ts';
import { importLabel } from './chunk-check.ts';
import type { TradelineDatabase } from './db.ts';
import { removeImport } from './imports-repo.ts';
import { recomputeProfile } from './profile-repo.ts';
import { readValid } from './quarantine.ts';

/**
 * The part of the Web Locks API (`navigator.locks`) used here. Locks are shared by every context
 * of one origin: the extension's background, its pages and their workers, in Chromium and
 * Firefox alike, and a lock is released when the context holding it ends (tab closed, worker
 * terminated, browser killed), which is exactly how a dead import is told from a running one.
 */
export interface ImportLocks {
  request(
    name: string,
    options: { ifAvailable: true },
    callback: (lock: unknown) => Promise<unknown>,
  ): Promise<unknown>;
  request(name: string, callback: (lock: unknown) => Promise<unknown>): Promise<unknown>;
}

/** Without locks (a browser too old for them), a storing import is taken as dead after this long without a batch. */
export const STALE_IMPORT_MS = 10 * 60_000;

export function importLockName(importId: string): string {
  return `tradeline-import:${importId}`;
}

/**
 * Holds the import's lock until the returned function is called (or the holder's context ends).
 * Resolves once the lock is held: if another context holds it, this waits for it.
 */
export function holdImportLock(locks: ImportLocks, importId: string): Promise<() => void> {
  return new Promise((held) => {
    void locks.request(
      importLockName(importId),
      () =>
        new Promise<void>((release) => {
          held(() => release());
        }),
    );
  });
}

export interface RolledBack {
  importId: string;
  name: string;
  removed: number;
}

/**
 * Rolls back every import left `storing` by a writer that is gone: its records, chunks, dedupe
 * keys (its totals were never added) are removed exactly as when the seller removes a source,
 * and its record stays as `interrupted` for the options page's notice. An import whose lock is
 * held is being stored right now and is left alone. Runs when the background starts, before the
 * overview is read and before a file is stored.
 */
export async function rollBackInterrupted(
  db: TradelineDatabase,
  locks: ImportLocks | undefined,
  now: Date,
): Promise<RolledBack[]> {
  const storing = (await readValid(db, 'imports', ImportRecord, () => now)).filter(
    (i) => i.state === 'storing',
  );
  const done: RolledBack[] = [];
  for (const imp of storing) {
    const undo = async (): Promise<void> => {
      const result = await removeImport(db, imp.id, { rollback: true, now });
      if (result) done.push({ importId: imp.id, name: importLabel(imp), removed: result.removed });
    };
    if (locks) {
      await locks.request(importLockName(imp.id), { ifAvailable: true }, async (lock) => {
        if (lock) await undo();
      });
    } else if (now.getTime() - Date.parse(imp.importedAt) > STALE_IMPORT_MS) {
      await undo();
    }
  }
  return done;
}

/** The seller read the notice: it goes (the notice is all that is left of that import). */
export async function dismissInterrupted(db: TradelineDatabase, importId: string): Promise<void> {
  const tx = db.transaction('imports', 'readwrite');
  const record = await tx.store.get(importId);
  if (record?.state === 'interrupted') await tx.store.delete(importId);
  await tx.done;
}

/** Rolls back interrupted imports and, when any was, recomputes the profile (a rollback may set damaged chunks aside). */
export async function recoverInterrupted(
  db: TradelineDatabase,
  locks: ImportLocks | undefined,
  now: Date,
): Promise<RolledBack[]> {
  const done = await rollBackInterrupted(db, locks, now);
  if (done.length > 0) await recomputeProfile(db, now.toISOString().slice(0, 10), now);
  return done;
}
