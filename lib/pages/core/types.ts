import type { PageProvenance } from '../../domain/provenance.ts';
import type { LedgerEntry, Platform } from '../../domain/records.ts';
import type { IssueWords } from '../../import/issue-texts.ts';
import type { AnyReportFormat } from '../../sources/format.ts';
import type { EmbeddedRows, EmbeddedSource } from './embedded.ts';
import type { Selector } from './selectors.ts';

/**
 * A table a page shows with the same words as one of the platform's report formats: read through
 * that format's header dictionary and row reader. `spellings` adds the page's own words for a
 * column (appended after the format's); `constants` fills columns the page states once (e.g. the
 * store currency) rather than per row.
 */
export interface PageTable {
  /** The table element(s), with fallbacks. */
  table: Selector;
  formats: readonly AnyReportFormat[];
  spellings?: Readonly<Record<string, readonly string[]>>;
  constants?: (doc: Document) => Readonly<Record<string, string>>;
  /**
   * Data the page embeds for its own scripts, preferred over the table when present and valid:
   * `rows` validates it (zod) and lays it out under the format's header words.
   */
  embedded?: { sources: readonly EmbeddedSource[]; rows(data: unknown): EmbeddedRows | undefined };
}

/** One kind of page of a site (orders list, payouts list, statements list). */
export interface PageKind {
  id: string;
  /** What a seller calls it: "Orders", "Payouts", "All statements". */
  label: string;
  /** The page is this kind when its path matches and one of the markers is present. */
  path: RegExp;
  marker: Selector;
  tables?: PageTable;
  /** Links to downloadable report files the seller may pick. */
  reports?: { links: Selector; formats: readonly AnyReportFormat[] };
  /** The link to the next page of the same list. */
  next?: Selector;
}

export interface SiteAdapter {
  id: string;
  /** What a seller calls the site. */
  label: string;
  /** Match patterns of the hosts the content script runs on. */
  matches: readonly string[];
  pages: readonly PageKind[];
}

/** A row the page showed that was not imported, and why, in a seller's words (English `message`; the panel words `code`). */
export interface Skipped extends Partial<IssueWords> {
  row: number | null;
  column: string | null;
  message: string;
}

/** One import: records of one page (or one report file) with its provenance. */
export interface ReadImport {
  provenance: PageProvenance;
  platform: Platform;
  entries: LedgerEntry[];
  skipped: Skipped[];
  /** Where a page's rows came from: its visible table, or the data it embeds for its scripts. */
  via?: 'table' | 'embedded';
}

export interface ReportLink {
  /** Absolute URL of the file. */
  url: string;
  /** The link's text, e.g. "Mar 1, 2026 – Mar 15, 2026 (Flat File V2)". */
  label: string;
}
