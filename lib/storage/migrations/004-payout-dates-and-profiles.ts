import type { MonthAggregate, RecordChunk } from '../../domain/records.ts';
import { chunkProblem } from '../chunk-check.ts';
import { chunkOf } from '../chunk-columns.ts';
import type { Migration } from './migration.ts';

/**
 * Payout dates and the latest record date in the monthly totals (the profile's payout
 * regularity and data freshness need dates, not sums), backfilled from the stored chunks, and a
 * store for the last computed profile.
 */
export const migration004: Migration = {
  version: 4,
  name: 'payout-dates-and-profiles',
  async migrate(db, tx) {
    db.createObjectStore('profiles');
    const dates = new Map<string, Set<string>>();
    const latest = new Map<string, string>();
    let cursor = await tx.objectStore('chunks').openCursor();
    while (cursor) {
      // A damaged chunk must not stop the upgrade: skipped, and set aside when next read.
      const value = chunkOf(cursor.value);
      if (chunkProblem(value, cursor.key) !== null) {
        cursor = await cursor.continue();
        continue;
      }
      const chunk = value as RecordChunk;
      const id = `${chunk.platform}|${chunk.month}`;
      for (const entry of chunk.records) {
        if ((latest.get(id) ?? '') < entry.date) latest.set(id, entry.date);
        if (entry.kind !== 'payout' || entry.status !== 'paid') continue;
        let set = dates.get(id);
        if (!set) {
          set = new Set();
          dates.set(id, set);
        }
        set.add(entry.date);
      }
      cursor = await cursor.continue();
    }
    const aggregates = tx.objectStore('aggregates');
    let agg = await aggregates.openCursor();
    while (agg) {
      const value = agg.value as MonthAggregate;
      const id = `${value.platform}|${value.month}`;
      const found = dates.get(id);
      const lastDate = latest.get(id);
      await agg.update({
        ...value,
        payoutDates: found ? [...found].sort() : [],
        ...(lastDate ? { lastDate } : {}),
      });
      agg = await agg.continue();
    }
  },
};
