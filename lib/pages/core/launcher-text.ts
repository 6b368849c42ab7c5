import en from '../../../locales/en.yml?keys=launcher';
import zhCN from '../../../locales/zh_CN.yml?keys=launcher';
import type { Language } from '../../i18n/language.ts';
import { createTranslator, type Translator } from '../../i18n/translator.ts';

/**
 * The launcher's few words in `language`: every page of a dashboard's hosts carries them, so the
 * content script takes only the `launcher.*` messages (the panel brings its own when it loads).
 */
export function launcherTranslator(language: Language): Translator {
  return createTranslator({ en, zh_CN: zhCN }, language);
}
