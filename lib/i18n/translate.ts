import en from '../../locales/en.yml';
import zhCN from '../../locales/zh_CN.yml';
import type { Language } from './language.ts';
import { createTranslator, type MessageTables, type Translator } from './translator.ts';

/** Every message of both languages (the popup and the options page show nearly all of them). */
export const TABLES: MessageTables = { en, zh_CN: zhCN };

export function translator(language: Language): Translator {
  return createTranslator(TABLES, language);
}
