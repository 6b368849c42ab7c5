import type { LedgerEntry, Platform } from '../domain/records.ts';
import type { HeaderIndex } from '../import/header.ts';
import type { IssueText } from '../import/issue-texts.ts';

/** What a format's reader gets: the header, where to put records and issues, and whose file it is. */
export interface ReaderContext<C extends string> {
  header: HeaderIndex<C>;
  /** SHA-256 of the file's bytes; every record carries it. */
  importId: string;
  fileName: string;
  /**
   * About how many data rows the file holds, from its size and its first rows (absent: unknown):
   * readers that keep every row size their tables for it once instead of growing them.
   */
  expectedRows?: number;
  emit(entry: LedgerEntry): void;
  /** Reports a problem with one row (and column), in words a seller understands (lib/import/issue-texts.ts). */
  issue(row: number | null, column: C | null, said: IssueText): void;
}

/** Reads data rows one at a time (formats that group rows keep state until `end`). */
export interface RowReader {
  row(cells: readonly string[], line: number): void;
  /**
   * Emits what waits for the end of the file. A reader that emits many records there may return
   * an iterator instead, emitting a part at each step: whoever reads the file can then store each
   * part before the next is made (`ReportReader.finish`), rather than hold them all at once.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: most readers' `end` returns nothing at all.
  end(): void | Iterator<unknown>;
}

/**
 * One export format of one platform: mostly data (the header dictionary), plus a reader that
 * turns its rows into ledger records.
 */
export interface ReportFormat<C extends string = string> {
  /** Stable id, e.g. `amazon-settlement-v2`. Fixtures are named after it. */
  id: string;
  platform: Platform;
  /** How a seller would name the file, e.g. "Amazon settlement report (flat file V2)". */
  label: string;
  /** Canonical column -> every spelling seen (localised ones included), matched case-insensitively. */
  columns: Readonly<Record<C, readonly string[]>>;
  /** Canonical columns whose presence identifies the format's header row. */
  required: readonly NoInfer<C>[];
  /** Canonical columns whose presence rules the format out (to tell near layouts apart). */
  absent?: readonly NoInfer<C>[];
  /** Separators to try; the header decides. */
  delimiters: readonly string[];
  /**
   * True when the reader itself never emits one key twice in a file, even when rows repeat (it
   * numbers repeats or merges them; a test doubles every fixture's rows to prove it). Other
   * formats key records by an id the file gives: a repeated row (two overlapping downloads pasted
   * together) would repeat the key, so the import drops the repeat and says so.
   */
  uniqueKeys?: boolean;
  createReader(ctx: ReaderContext<NoInfer<C>>): RowReader;
}

/** Any format, with its column type widened (for the registry). */
export type AnyReportFormat = ReportFormat<string>;

/** Declares a format with its column names checked everywhere they are used. */
export function defineFormat<C extends string>(format: ReportFormat<C>): ReportFormat<C> {
  return format;
}
