/**
 * A problem found while reading a seller's file. Parsers never throw on a file: they report
 * issues, each naming the line and the column so the seller can find it.
 */
export interface ImportIssue {
  /** 1-based line of the file where the record starts; null for the file as a whole. */
  row: number | null;
  /** The column's header as written in the file (or a canonical name when the column is missing). */
  field: string | null;
  message: string;
}
