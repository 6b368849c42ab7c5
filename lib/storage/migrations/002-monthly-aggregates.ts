import type { RecordChunk } from '../../domain/records.ts';
import { addEntry, emptyAggregate } from '../aggregate.ts';
import { chunkProblem } from '../chunk-check.ts';
import { chunkOf } from '../chunk-columns.ts';
import type { Migration } from './migration.ts';

/**
 * Monthly totals per platform, so that opening the popup reads a few small values instead of
 * the raw history. Backfilled from the chunks already stored.
 */
export const migration002: Migration = {
  version: 2,
  name: 'monthly-aggregates',
  async migrate(db, tx) {
    db.createObjectStore('aggregates', { keyPath: ['platform', 'month'] });
    const aggregates = tx.objectStore('aggregates');
    let cursor = await tx.objectStore('chunks').openCursor();
    const totals = new Map<string, ReturnType<typeof emptyAggregate>>();
    while (cursor) {
      // A damaged chunk must not stop the upgrade (the extension would not open): it is skipped
      // here and set aside when it is next read (chunk-check.ts).
      const value = chunkOf(cursor.value);
      if (chunkProblem(value, cursor.key) !== null) {
        cursor = await cursor.continue();
        continue;
      }
      const chunk = value as RecordChunk;
      const id = `${chunk.platform}|${chunk.month}`;
      let agg = totals.get(id);
      if (!agg) {
        agg = emptyAggregate(chunk.platform, chunk.month);
        totals.set(id, agg);
      }
      for (const entry of chunk.records) addEntry(agg, entry);
      cursor = await cursor.continue();
    }
    await Promise.all([...totals.values()].map((agg) => aggregates.put(agg)));
  },
};
