import type { Migration } from './migration.ts';

/**
 * An index of the imports by state. Every call that stores records asks it for the imports
 * still `storing` (usually none): a file stored in several batches writes a month's dedupe keys
 * once it has left the month instead of on every batch, and lists the months whose stored keys
 * still lack some of its own (`keysPending`), which any other writer then rebuilds from the
 * records (ledger-repo.ts). Reading every import record instead would cost a read of the
 * seller's whole import history per dashboard page stored. Nothing to convert: an index is built
 * from the records already stored.
 */
export const migration012: Migration = {
  version: 12,
  name: 'imports-by-state',
  migrate(_db, tx) {
    tx.objectStore('imports').createIndex('byState', 'state');
  },
};
