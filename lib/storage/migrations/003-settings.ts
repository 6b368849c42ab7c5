import type { Migration } from './migration.ts';

/** The seller's settings (reporting currency, language), with defaults written once. */
export const migration003: Migration = {
  version: 3,
  name: 'settings',
  async migrate(db, tx) {
    db.createObjectStore('settings');
    await tx.objectStore('settings').put({ reportingCurrency: 'USD', language: 'en' }, 'general');
  },
};
