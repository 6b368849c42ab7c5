import type { GeneratedI18nStructure } from '#i18n';
import type { Language } from './language.ts';

/** Every message key of locales/en.yml, as `@wxt-dev/i18n` types them (dotted paths). */
export type MessageKey = Exclude<keyof GeneratedI18nStructure, `@@${string}`>;

/** Flat tables as the browser gets them in `_locales/<language>/messages.json` (see scripts/vite-locales.ts). */
export type MessageTables = Readonly<Record<Language, Readonly<Record<string, string>>>>;

/** The tag Intl formats numbers, dates and money with. */
const INTL: Record<Language, string> = { en: 'en', zh_CN: 'zh-CN' };

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
 * Looks messages up in the table of one language, the English one where a key is missing (as
 * the browser falls back to `default_locale`). The tables are bundled, so the language can follow
 * the seller's setting: `browser.i18n.getMessage` only ever answers in the browser's language.
 */
export function createTranslator(tables: MessageTables, language: Language): Translator {
  const table = tables[language];
  const fallback = tables.en;
  const intl = INTL[language];
  // Made on first use: building an Intl formatter loads the browser's locale data, tens of
  // milliseconds on a dashboard page whose launcher only needs two words (measured: 35–40 ms
  // of script per page load with it made here, against 3.8–6 ms before).
  let numbers: Intl.NumberFormat | undefined;
  const number = (value: number, options?: Intl.NumberFormatOptions) => {
    if (options) return new Intl.NumberFormat(intl, options).format(value);
    numbers ??= new Intl.NumberFormat(intl);
    return numbers.format(value);
  };
  return {
    language,
    intl,
    number,
    t(key, substitutions, count) {
      const name = key.replaceAll('.', '_');
      let message = table[name] ?? fallback[name] ?? key;
      if (count !== undefined) message = pluralForm(message, count);
      const subs = (substitutions ?? (count !== undefined ? [count] : [])).map((s) =>
        typeof s === 'number' ? number(s) : s,
      );
      return message.replace(/\$([1-9])/g, (_, i: string) => subs[Number(i) - 1] ?? '');
    },
  };
}
