// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { type ParsedMessage, parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { resolveLanguage } from '../../lib/i18n/language.ts';
import { notifyTranslator } from '../../lib/i18n/notify-text.ts';
import { TABLES, translator } from '../../lib/i18n/translate.ts';
import { panelTranslator } from '../../lib/pages/core/panel-text.ts';

async function messages(file: string): Promise<Map<string, ParsedMessage>> {
  const parsed = parseMessagesText(
    await readFile(new URL(`../../locales/${file}`, import.meta.url), 'utf8'),
    'YAML',
  );
  return new Map(parsed.filter((m) => !m.key[0]?.startsWith('@@')).map((m) => [m.key.join('.'), m]));
}

/** `$1`, `$2`… a message uses, in every plural form together. */
function placeholders(m: ParsedMessage): string[] {
  const text =
    m.type === 'plural' ? Object.values(m.plurals).join(' ') : m.type === 'chrome' ? m.message : m.message;
  return [...new Set(text.match(/\$[1-9]/g) ?? [])].sort();
}

describe('locales', () => {
  it('has every key in English and Simplified Chinese, with the same placeholders and no empty text', async () => {
    const en = await messages('en.yml');
    const zh = await messages('zh_CN.yml');
    expect(
      [...zh.keys()].filter((k) => !en.has(k)),
      'only in zh_CN.yml',
    ).toEqual([]);
    expect(
      [...en.keys()].filter((k) => !zh.has(k)),
      'missing from zh_CN.yml',
    ).toEqual([]);
    const differ = [...en.entries()]
      .filter(([key, m]) => placeholders(m).join() !== placeholders(zh.get(key) as ParsedMessage).join())
      .map(([key]) => key);
    expect(differ, 'placeholders differ').toEqual([]);
    const empty = [...en.entries(), ...zh.entries()]
      .filter(([, m]) => (m.type === 'plural' ? Object.values(m.plurals).join('') : m.message).trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
    expect(en.size).toBeGreaterThan(400);
  });

  it('writes message names the browser accepts in messages.json', () => {
    for (const table of Object.values(TABLES)) {
      for (const name of Object.keys(table)) expect(name).toMatch(/^[A-Za-z0-9_@]+$/);
    }
  });

  it('fills placeholders, formats numbers and picks plural forms per language', () => {
    const en = translator('en');
    const zh = translator('zh_CN');
    expect(en.t('popup.offers.eligibleHeading', undefined, 1)).toBe('You prequalify for 1 channel');
    expect(en.t('popup.offers.eligibleHeading', undefined, 12345)).toBe('You prequalify for 12,345 channels');
    expect(zh.t('popup.offers.eligibleHeading', undefined, 3)).toBe('您已通过 3 个渠道的预审');
    expect(en.t('options.sources.removeConfirm', [2, 'orders.csv'], 2)).toBe(
      'Remove “orders.csv”? Its 2 records will be deleted from your history and your profile recomputed. The file itself is not touched.',
    );
    expect(zh.t('popup.profile.freshness', [5, '2026年11月29日'], 5)).toBe(
      '最新记录：2026年11月29日 之前 5 天。',
    );
    expect(zh.t('popup.tabs.offers')).toBe('融资报价');
  });

  it('follows the setting, and the browser language when set to auto', () => {
    expect(resolveLanguage('auto', 'zh-CN')).toBe('zh_CN');
    expect(resolveLanguage('auto', 'zh-TW')).toBe('zh_CN');
    expect(resolveLanguage('auto', 'en-GB')).toBe('en');
    expect(resolveLanguage('auto', 'fr')).toBe('en');
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage('zh_CN', 'en-US')).toBe('zh_CN');
  });

  it('gives the panel and the notifications their own messages in both languages', () => {
    expect(panelTranslator('zh_CN').t('panel.read')).toBe('读取此页');
    expect(panelTranslator('en').t('panel.read')).toBe('Read this page');
    expect(notifyTranslator('zh_CN').t('notify.offer', ['Shopify Capital'])).toBe(
      'Shopify Capital 向您发出了报价',
    );
    expect(notifyTranslator('en').t('notify.declined', ['Kiva'])).toBe('Kiva declined your application');
  });
});
