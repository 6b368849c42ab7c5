import type { Migration } from './migration.ts';

/**
 * The `revisions` store: one small value per kind of derived data that contexts keep in memory
 * between transactions. Its only entry so far, `dedupe`, is a token every transaction that
 * writes dedupe keys replaces (lib/storage/dedupe-revision.ts): a context that kept the key sets
 * of its last batch reuses them only while the token is still the one it wrote itself, instead
 * of reading back megabytes of keys on every batch. Nothing to convert: an absent token matches
 * no context's, so every context reads the keys afresh once.
 */
export const migration010: Migration = {
  version: 10,
  name: 'dedupe-revision',
  migrate(db) {
    db.createObjectStore('revisions');
  },
};
