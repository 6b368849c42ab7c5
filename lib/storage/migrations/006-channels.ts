import type { Migration } from './migration.ts';

/** Channels the seller added from a catalog URL or file; they override bundled entries of the same id. */
export const migration006: Migration = {
  version: 6,
  name: 'channels',
  migrate(db) {
    db.createObjectStore('channels', { keyPath: 'id' });
  },
};
