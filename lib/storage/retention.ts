import { addMonths } from '../domain/months.ts';
import type { Settings } from '../domain/records.ts';
import { deleteAll } from './data-repo.ts';
import type { TradelineDatabase } from './db.ts';
import { markDedupeWritten } from './dedupe-revision.ts';
import { readSettings } from './overview-repo.ts';

/** The last-use time is written at most this often (opening the popup is frequent). */
const USE_GRANULARITY_MS = 60 * 60_000;

/**
 * The settings with this use (popup or options opened) noted, when it is to be stored: the idle
 * rule is on and the last noted use is older than the granularity. Otherwise undefined: nothing
 * about use is stored while the rule is off.
 */
export function noteUse(settings: Settings, now: Date): Settings | undefined {
  if (!settings.retention?.deleteAfterIdleDays) return undefined;
  const last = settings.lastUsedAt ? Date.parse(settings.lastUsedAt) : 0;
  if (now.getTime() - last < USE_GRANULARITY_MS) return undefined;
  return { ...settings, lastUsedAt: now.toISOString() };
}

export interface RetentionResult {
  /** Everything was deleted: the seller had not used Tradeline for longer than they allowed. */
  deletedEverything: boolean;
  /** Platform-months whose records and totals were deleted for being too old. */
  removedMonths: string[];
}

/**
 * Applies the seller's retention settings: after `deleteAfterIdleDays` without use, every store
 * is cleared; otherwise records older than `keepMonths` (their chunks, dedupe keys and monthly
 * totals) are deleted in one transaction, and imports left without months are removed.
 */
export async function applyRetention(db: TradelineDatabase, now: Date): Promise<RetentionResult> {
  const settings: Settings = await readSettings(db);
  const rule = settings.retention;
  const none: RetentionResult = { deletedEverything: false, removedMonths: [] };
  if (!rule) return none;
  if (rule.deleteAfterIdleDays !== null && settings.lastUsedAt) {
    const idleMs = now.getTime() - Date.parse(settings.lastUsedAt);
    if (idleMs > rule.deleteAfterIdleDays * 86_400_000) {
      await deleteAll(db);
      return { deletedEverything: true, removedMonths: [] };
    }
  }
  if (rule.keepMonths === null) return none;
  // Months before this one are too old (the current month counts as one).
  const oldestKept = addMonths(now.toISOString().slice(0, 7), -(rule.keepMonths - 1));
  const tx = db.transaction(['imports', 'chunks', 'dedupe', 'aggregates', 'revisions'], 'readwrite');
  const removed = new Set<string>();
  for (const key of await tx.objectStore('chunks').getAllKeys()) {
    if (key[1] < oldestKept) {
      removed.add(`${key[0]} ${key[1]}`);
      void tx.objectStore('chunks').delete(key);
    }
  }
  for (const store of ['dedupe', 'aggregates'] as const) {
    for (const key of await tx.objectStore(store).getAllKeys()) {
      if (key[1] < oldestKept) {
        removed.add(`${key[0]} ${key[1]}`);
        void tx.objectStore(store).delete(key);
      }
    }
  }
  if (removed.size > 0) markDedupeWritten(tx);
  if (removed.size > 0) {
    let cursor = await tx.objectStore('imports').openCursor();
    while (cursor) {
      const record = cursor.value;
      const months = record.months.filter((m) => m >= oldestKept);
      if (months.length === 0) await cursor.delete();
      else if (months.length !== record.months.length) {
        // The file no longer covers the deleted months: they must not count as months without sales.
        const start = record.provenance.periodStart;
        const provenance =
          start && start < `${oldestKept}-01`
            ? { ...record.provenance, periodStart: `${oldestKept}-01` }
            : record.provenance;
        // A file still storing keeps pending totals only for the months that remain.
        const pending = record.pending?.filter((p) => p.month >= oldestKept);
        await cursor.update({ ...record, months, provenance, ...(pending ? { pending } : {}) });
      }
      cursor = await cursor.continue();
    }
  }
  await tx.done;
  return { deletedEverything: false, removedMonths: [...removed].sort() };
}
