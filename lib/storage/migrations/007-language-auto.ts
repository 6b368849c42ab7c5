import type { Migration } from './migration.ts';

/**
 * The language setting gains `auto` (the browser's language), the new default. Until now every
 * page was English whatever the setting said, so a stored `en` was the old default rather than a
 * choice: it becomes `auto`. A stored `zh_CN` was chosen and stays.
 */
export const migration007: Migration = {
  version: 7,
  name: 'language-auto',
  async migrate(_db, tx) {
    const store = tx.objectStore('settings');
    const settings = await store.get('general');
    if (settings?.language === 'en') await store.put({ ...settings, language: 'auto' }, 'general');
  },
};
