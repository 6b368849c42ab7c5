import type { Migration } from './migration.ts';

/** Applications and their outbox state, keyed `${submissionId}:${channelId}`. */
export const migration005: Migration = {
  version: 5,
  name: 'applications',
  migrate(db) {
    const store = db.createObjectStore('applications', { keyPath: 'id' });
    store.createIndex('bySubmission', 'submissionId');
  },
};
