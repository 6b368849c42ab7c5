import en from '../../../locales/en.yml?keys=panel';
import zhCN from '../../../locales/zh_CN.yml?keys=panel,issue';
import type { Language } from '../../i18n/language.ts';
import { createTranslator, type Translator } from '../../i18n/translator.ts';

/**
 * The panel's texts in `language`: only the `panel.*` messages travel in the content scripts, and
 * the Chinese `issue.*` ones (an issue's English is its `message`: see issueMessage).
 */
export function panelTranslator(language: Language): Translator {
  return createTranslator({ en, zh_CN: zhCN }, language);
}
