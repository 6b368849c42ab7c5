import type { Migration } from './migration.ts';

/** Imports, record chunks and the dedupe keys kept alongside them. */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  migrate(db) {
    db.createObjectStore('imports', { keyPath: 'id' });
    db.createObjectStore('chunks', { keyPath: ['platform', 'month', 'seq'] });
    db.createObjectStore('dedupe', { keyPath: ['platform', 'month'] });
  },
};
