import en from '../../locales/en.yml?keys=notify';
import zhCN from '../../locales/zh_CN.yml?keys=notify';
import type { Language } from './language.ts';
import { createTranslator, type Translator } from './translator.ts';

/** The notifications' texts in `language`: the background carries only the `notify.*` messages. */
export function notifyTranslator(language: Language): Translator {
  return createTranslator({ en, zh_CN: zhCN }, language);
}
