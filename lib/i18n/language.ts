/** The languages Tradeline is written in (the `_locales` folder names). */
export const LANGUAGES = ['en', 'zh_CN'] as const;
export type Language = (typeof LANGUAGES)[number];
/** What the seller picks in Settings: a language, or `auto` (the browser's). */
export type LanguageSetting = 'auto' | Language;

/** `auto` follows the browser's interface language (`i18n.getUILanguage()`, e.g. `zh-CN`, `en-GB`). */
export function resolveLanguage(setting: LanguageSetting | undefined, uiLanguage: string): Language {
  if (setting === 'en' || setting === 'zh_CN') return setting;
  return /^zh\b/i.test(uiLanguage) ? 'zh_CN' : 'en';
}
