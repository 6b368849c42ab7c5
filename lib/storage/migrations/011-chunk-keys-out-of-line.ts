import type { Migration } from './migration.ts';

/**
 * Record chunks are stored with their key given next to the value ([platform, month, seq],
 * "out-of-line") instead of a key path into the value. For a key path, the browser builds a
 * clone of every value put to read the key out of it: for a chunk of 10,000 records that clone
 * cost as much again as storing it (1,000,000 orders in chunks of 10,000, headless Chromium,
 * same page, alternating: 4.0 s with a key path, 2.2 s without; docs/performance.md). The values
 * keep their platform, month and seq, which chunk-check.ts compares with the key.
 *
 * IndexedDB cannot change a store's key path: the chunks move to a new store, which then takes
 * the old name. Every value is moved as it is, damaged ones too (they are set aside when read).
 */
export const migration011: Migration = {
  version: 11,
  name: 'chunk-keys-out-of-line',
  async migrate(db, tx) {
    const old = tx.objectStore('chunks');
    old.name = 'chunks-with-key-path';
    const moved = db.createObjectStore('chunks');
    let cursor = await tx.objectStore('chunks-with-key-path' as 'chunks').openCursor();
    while (cursor) {
      void moved.put(cursor.value, cursor.primaryKey);
      cursor = await cursor.continue();
    }
    db.deleteObjectStore('chunks-with-key-path' as 'chunks');
  },
};
