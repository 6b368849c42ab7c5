import type { Migration } from './migration.ts';

/**
 * Stored values that no longer parse (a bug, a downgrade, a damaged disk) are moved here when
 * read, with the reason, instead of breaking the overview, the profile or the outbox.
 */
export const migration008: Migration = {
  version: 8,
  name: 'quarantine',
  migrate(db) {
    db.createObjectStore('quarantine', { keyPath: 'id', autoIncrement: true });
  },
};
