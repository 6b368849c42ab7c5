import { joinStoredKeys, storedKey } from '../dedupe-keys.ts';
import type { Migration } from './migration.ts';

/**
 * Each platform-month's dedupe keys become one string (lib/storage/dedupe-keys.ts) instead of an
 * array of strings: every import batch reads its months' lists and their neighbours' and writes
 * its months' back, and one string is far cheaper to clone than tens of thousands. It touches
 * only the dedupe store, which every earlier version has in the same shape.
 */
export const migration010: Migration = {
  version: 10,
  name: 'dedupe-keys-joined',
  async migrate(_db, tx) {
    const store = tx.objectStore('dedupe');
    let cursor = await store.openCursor();
    while (cursor) {
      // Typed as the latest shape; values written before this migration hold an array.
      const keys: unknown = cursor.value.keys;
      if (Array.isArray(keys)) {
        const strings = keys.filter((k): k is string => typeof k === 'string' && k !== '');
        await cursor.update({ ...cursor.value, keys: joinStoredKeys(strings.map(storedKey)) });
      }
      cursor = await cursor.continue();
    }
  },
};
