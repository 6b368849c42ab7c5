import en from '../../../locales/en.yml?keys=launcher';
import zhCN from '../../../locales/zh_CN.yml?keys=launcher';
import type { Language } from '../../i18n/language.ts';

/** The launcher's messages (locales/*.yml `launcher.*`). */
export type LauncherKey = 'launcher_label' | 'launcher_title' | 'launcher_failed';

const TABLES: Readonly<Record<Language, Readonly<Record<string, string>>>> = { en, zh_CN: zhCN };

/**
 * The launcher's few words in `language`, `$1` replaced by `site`. Every page of a dashboard's
 * hosts carries them, so the content script takes only the `launcher.*` messages and looks them
 * up directly: the shared translator (plural forms, number formatting, a regular expression per
 * call) cost more script time at load than building the tab did (the panel brings its own).
 */
export function launcherText(language: Language, site: string): (key: LauncherKey) => string {
  const table = TABLES[language];
  return (key) => {
    const message = table[key] ?? en[key] ?? key;
    // A function, so that a `$` in the site's name is taken literally.
    return message.replace('$1', () => site);
  };
}
