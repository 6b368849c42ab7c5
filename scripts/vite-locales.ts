import { readFile } from 'node:fs/promises';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import type { Plugin } from 'vite';

/**
 * Lets code import a `locales/*.yml` file as the flat message table the browser gets in
 * `_locales/<locale>/messages.json` (same parser as the @wxt-dev/i18n module: keys joined with
 * `_`, plural forms joined with ` | `). Bundling both tables is what lets the seller pick a
 * language other than the browser's: `browser.i18n` only ever answers in the browser's language.
 * The YAML is parsed here, at build time; no parser ships in the extension.
 * `?keys=panel` keeps only the `panel.*` messages (content scripts carry no page's texts but theirs);
 * `?keys=panel,issue` keeps both groups.
 */
export function localeTables(): Plugin {
  return {
    name: 'tradeline-locale-tables',
    enforce: 'pre',
    async load(id) {
      const [file = id, query = ''] = id.split('?');
      if (!/\/locales\/[A-Za-z_]+\.yml$/.test(file)) return null;
      const keys = new URLSearchParams(query).get('keys');
      const prefixes = keys === null ? null : keys.split(',').map((k) => `${k}_`);
      const chrome = generateChromeMessages(parseMessagesText(await readFile(file, 'utf8'), 'YAML'));
      const table: Record<string, string> = {};
      for (const [key, value] of Object.entries(chrome)) {
        if (prefixes === null || prefixes.some((p) => key.startsWith(p))) table[key] = value.message;
      }
      return `export default ${JSON.stringify(table)};`;
    },
  };
}
