import type { IssueWords } from '../import/issue-texts.ts';
import type { Translator } from './translator.ts';

/** An issue's code and params worded from `issue.*` (the consequence worded on its own and put last). */
export function wordIssue(tr: Translator, words: IssueWords): string {
  const { consequence } = words;
  const params = consequence
    ? [...words.params, tr.t(`issue.then.${consequence.code}` as const, consequence.params)]
    : words.params;
  return tr.t(`issue.${words.code}` as const, params);
}

/**
 * A problem found in a file or on a page, in the translator's language. In English, or without a
 * code (issues stored by an older version), the `message` lib/ wrote: en.yml says the same
 * (test/unit/issue-texts.test.ts), so the panel carries the Chinese issue texts only.
 */
export function issueMessage(tr: Translator, issue: Partial<IssueWords> & { message: string }): string {
  const { code, params, consequence } = issue;
  if (tr.language === 'en' || code === undefined || params === undefined) return issue.message;
  return wordIssue(tr, consequence ? { code, params, consequence } : { code, params });
}
