import type { IssueWords } from './issue-texts.ts';

/**
 * A problem found while reading a seller's file. Parsers never throw on a file: they report
 * issues, each naming the line and the column so the seller can find it.
 */
export interface ImportIssue extends Partial<IssueWords> {
  /** 1-based line of the file where the record starts; null for the file as a whole. */
  row: number | null;
  /** The column's header as written in the file (or a canonical name when the column is missing). */
  field: string | null;
  /** In English (the command line prints it); the pages word `code` and `params` in the seller's language. */
  message: string;
}

/** The issue as the command line and the golden files print it: line, column and English message. */
export function plainIssue({ row, field, message }: ImportIssue): ImportIssue {
  return { row, field, message };
}
