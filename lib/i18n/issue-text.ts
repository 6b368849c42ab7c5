import type { IssueWords } from '../import/issue-texts.ts';
import type { Translator } from './translator.ts';

/**
 * A problem found in a file or on a page, in the translator's language: its code and params
 * worded from `issue.*` (the consequence worded on its own and put last), or the English
 * `message` lib/ wrote when it has no code (issues stored by an older version).
 */
export function issueMessage(tr: Translator, issue: Partial<IssueWords> & { message: string }): string {
  if (issue.code === undefined || issue.params === undefined) return issue.message;
  const { consequence } = issue;
  const params = consequence
    ? [...issue.params, tr.t(`issue.then.${consequence.code}` as const, consequence.params)]
    : issue.params;
  return tr.t(`issue.${issue.code}` as const, params);
}
