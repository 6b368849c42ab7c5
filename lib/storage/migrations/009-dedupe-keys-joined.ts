import { joinStoredKeys, storedKey } from '../dedupe-keys.ts';
import type { Migration } from './migration.ts';

/**
 * Each platform-month's dedupe keys become one string (lib/storage/dedupe-keys.ts) instead of an
 * array of strings: every import batch reads its months' lists and their neighbours' and writes
 * its months' back, and one string is far cheaper to clone than tens of thousands. It touches
 * only the dedupe store, which every earlier version has in the same shape.
 */
export const migration009: Migration = {
  version: 9,
  name: 'dedupe-keys-joined',
  async migrate(_db, tx) {
    const store = tx.objectStore('dedupe');
    let cursor = await store.openCursor();
    while (cursor) {
      // Typed as the latest shape; values written before this migration hold an array. A value
      // that is damaged (not an array) must not stop the upgrade: it is left as it is and set
      // aside, its keys rebuilt from the records, when it is next read (chunk-check.ts).
      const value: unknown = cursor.value;
      const keys = typeof value === 'object' && value !== null && 'keys' in value ? value.keys : undefined;
      if (Array.isArray(keys)) {
        const strings = keys.filter((k): k is string => typeof k === 'string' && k !== '');
        await cursor.update({ ...cursor.value, keys: joinStoredKeys(strings.map(storedKey)) });
      }
      cursor = await cursor.continue();
    }
  },
};
