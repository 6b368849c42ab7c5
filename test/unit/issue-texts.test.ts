import { readFileSync } from 'node:fs';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { issueMessage, wordIssue } from '../../lib/i18n/issue-text.ts';
import { translator } from '../../lib/i18n/translate.ts';
import { CONSEQUENCE_TEMPLATES, ISSUE_TEMPLATES } from '../../lib/import/issue-texts.ts';
import { FORMATS } from '../../lib/sources/registry.ts';
import { englishWords } from '../english-words.ts';
import { fixtureFiles, readFixture } from '../source-fixtures.ts';

/** `issue.*` messages of a locale file, by code (`then.rowSkipped` for consequences). */
function issueMessages(file: string): Map<string, string> {
  const parsed = parseMessagesText(readFileSync(`locales/${file}`, 'utf8'), 'YAML');
  return new Map(
    parsed
      .filter((m) => m.key[0] === 'issue' && m.type !== 'plural')
      .map((m) => [m.key.slice(1).join('.'), m.type === 'plural' ? '' : m.message]),
  );
}

const placeholders = (text: string) => [...new Set(text.match(/\$[1-9]/g) ?? [])].sort().join();

const EN = issueMessages('en.yml');
const ZH = issueMessages('zh_CN.yml');
const CODES = [
  ...Object.entries(ISSUE_TEMPLATES),
  ...Object.entries(CONSEQUENCE_TEMPLATES).map(([code, text]) => [`then.${code}`, text] as const),
];
const FORMAT_NAMES = FORMATS.map((f) => f.label);

describe('issue texts', () => {
  it('has every issue and consequence code in English (as lib words it) and Chinese, with the same placeholders', () => {
    for (const [code, template] of CODES) {
      expect(EN.get(code), `issue.${code} in en.yml`).toBe(template);
      const zh = ZH.get(code);
      expect(zh, `issue.${code} in zh_CN.yml`).toBeDefined();
      expect(placeholders(zh ?? ''), `issue.${code} placeholders`).toBe(placeholders(template));
      expect(englishWords(zh ?? ''), `issue.${code} in Chinese`).toEqual([]);
    }
    expect([...EN.keys()].sort()).toEqual(CODES.map(([code]) => code).sort());
    expect([...ZH.keys()].sort()).toEqual(CODES.map(([code]) => code).sort());
  });

  it('words every issue the parsers report over the fixtures: English as the message, Chinese without English', () => {
    const en = translator('en');
    const zh = translator('zh_CN');
    let seen = 0;
    for (const path of fixtureFiles()) {
      for (const issue of readFixture(path).worded) {
        const { code, params, consequence } = issue;
        if (code === undefined || params === undefined)
          throw new Error(`${path}: ${issue.message} has no code`);
        // en.yml words it exactly as lib/ did (the pages show lib's English `message`).
        expect(wordIssue(en, consequence ? { code, params, consequence } : { code, params })).toBe(
          issue.message,
        );
        expect(issueMessage(en, issue)).toBe(issue.message);
        const chinese = issueMessage(zh, issue);
        expect(chinese).not.toBe(issue.message);
        expect(englishWords(chinese, FORMAT_NAMES), chinese).toEqual([]);
        seen += 1;
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it('falls back to the English message for an issue without a code (stored by an older version)', () => {
    expect(issueMessage(translator('zh_CN'), { message: 'Row 3 was odd.' })).toBe('Row 3 was odd.');
  });
});
