import type { GeneratedI18nStructure } from '#i18n';
import en from '../../locales/en.yml';
import zhCN from '../../locales/zh_CN.yml';

/** The languages Tradeline is written in (the `_locales` folder names). */
export const LANGUAGES = ['en', 'zh_CN'] as const;
export type Language = (typeof LANGUAGES)[number];
/** What the seller picks in Settings: a language, or `auto` (the browser's). */
export type LanguageSetting = 'auto' | Language;

/** Every message key of locales/en.yml, as `@wxt-dev/i18n` types them (dotted paths). */
export type MessageKey = Exclude<keyof GeneratedI18nStructure, `@@${string}`>;

export const TABLES: Readonly<Record<Language, Readonly<Record<string, string>>>> = { en, zh_CN: zhCN };

/** The tag Intl formats numbers, dates and money with. */
const INTL: Record<Language, string> = { en: 'en', zh_CN: 'zh-CN' };

/** `auto` follows the browser's interface language (`i18n.getUILanguage()`, e.g. `zh-CN`, `en-GB`). */
export function resolveLanguage(setting: LanguageSetting | undefined, uiLanguage: string): Language {
  if (setting === 'en' || setting === 'zh_CN') return setting;
  return /^zh\b/i.test(uiLanguage) ? 'zh_CN' : 'en';
}

export interface Translator {
  language: Language;
  /** BCP 47 tag for Intl (`en`, `zh-CN`). */
  intl: string;
  /**
   * The message in this language. `$1`…`$9` take `substitutions` (numbers formatted for the
   * locale); with `count`, a plural message (`one | many`) picks its form, as `@wxt-dev/i18n`'s
   * `t` does, and `$1` is the count when no substitutions are given.
   */
  t(key: MessageKey, substitutions?: readonly (string | number)[], count?: number): string;
  /** A number for this locale: `1234` -> `1,234`. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

function pluralForm(message: string, count: number): string {
  const forms = message.split(' | ');
  if (forms.length === 2) return forms[count === 1 ? 0 : 1] as string;
  if (forms.length === 3) return forms[count === 0 || count === 1 ? count : 2] as string;
  return forms[0] as string;
}

/**
 * Looks messages up in the bundled table of one language, the English one where a key is
 * missing (as the browser falls back to `default_locale`). Both tables are in the bundle, so
 * the language can follow the seller's setting instead of the browser's.
 */
export function translator(language: Language): Translator {
  const table = TABLES[language];
  const intl = INTL[language];
  const numbers = new Intl.NumberFormat(intl);
  const number = (value: number, options?: Intl.NumberFormatOptions) =>
    options ? new Intl.NumberFormat(intl, options).format(value) : numbers.format(value);
  return {
    language,
    intl,
    number,
    t(key, substitutions, count) {
      const name = key.replaceAll('.', '_');
      let message = table[name] ?? en[name] ?? key;
      if (count !== undefined) message = pluralForm(message, count);
      const subs = (substitutions ?? (count !== undefined ? [count] : [])).map((s) =>
        typeof s === 'number' ? number(s) : s,
      );
      return message.replace(/\$([1-9])/g, (_, i: string) => subs[Number(i) - 1] ?? '');
    },
  };
}
