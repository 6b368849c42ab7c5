import { ISSUE, type IssueText } from '../../import/issue-texts.ts';
import { nextPageUrl, readPage, readReportFile, recognise, reportLinks } from './read.ts';
import type { ReadImport, ReportLink, SiteAdapter, Skipped } from './types.ts';

/** What the background answered for one import (`importEntries`). */
export interface Stored {
  added: number;
  duplicates: number;
}

export interface SessionDeps {
  /** Fetches a later page of the list with the seller's session (same origin), as HTML text. */
  fetchText(url: string): Promise<string>;
  /** Fetches a report file with the seller's session. */
  fetchBytes(url: string): Promise<Uint8Array>;
  parseHtml(html: string): Document;
  /** Waits between pages; resolves early when stopped. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Hands one import to the background (`importEntries`). */
  store(read: ReadImport): Promise<Stored>;
  now?: () => Date;
}

export interface ReadOptions {
  /** Follow the list's "next" links (the seller asked for every page). */
  follow?: boolean;
  /** At most this many pages (the open one included). */
  maxPages?: number;
  /** Pause between pages; never below MIN_PAUSE_MS. */
  pauseMs?: number;
  /** Report files to fetch and read (URLs from `reportLinks`); none unless the seller picked some. */
  reports?: readonly string[];
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** How far reading has gone; the panel words it in the seller's language. */
export interface Progress {
  done: number;
  /** Known total (report files), or null while pages are being followed. */
  total: number | null;
  /** The report file being downloaded now, if any. */
  downloading?: string;
}

/** One line of what was read, for the seller. */
export interface ReadLine {
  /** In English (`Orders, page 2`), for the popup's answer; the panel words it from the fields below. */
  source: string;
  /** The page kind's label or the report's link text, as the site shows it. */
  label: string;
  /** Which page of the list, when the line is a page. */
  page?: number;
  /** Read from the data the page holds for its own scripts rather than its table. */
  embedded?: boolean;
  format: string;
  rows: number;
  records: number;
  added: number;
  duplicates: number;
  skipped: Skipped[];
}

export interface ReadOutcome {
  /** The page kind's label, or null when the adapter does not recognise the page. */
  page: string | null;
  lines: ReadLine[];
  /** Not recognised, nothing to read, a failed download, stopped: English `message` plus code and params. */
  notices: IssueText[];
  stopped: boolean;
}

/** The outcome for a page the adapter does not recognise: said plainly, nothing read. */
export function notRecognised(adapter: SiteAdapter): ReadOutcome {
  const reads = adapter.pages.map((p) => p.label).join(', ');
  return { page: null, lines: [], notices: [ISSUE.pageNotRecognised(adapter.label, reads)], stopped: false };
}

export const MIN_PAUSE_MS = 250;
export const DEFAULT_PAUSE_MS = 1500;
export const DEFAULT_MAX_PAGES = 50;

/**
 * Reads the open page when the seller asks: its table (following pagination politely when asked:
 * one page at a time, a pause between pages, stoppable) and the report files the seller picked.
 * Each page and each file is one import with its own provenance.
 */
export async function readCurrentPage(
  adapter: SiteAdapter,
  doc: Document,
  url: string,
  deps: SessionDeps,
  options: ReadOptions = {},
): Promise<ReadOutcome> {
  const outcome: ReadOutcome = { page: null, lines: [], notices: [], stopped: false };
  const kind = recognise(adapter, doc, url);
  if (!kind) return notRecognised(adapter);
  outcome.page = kind.label;
  const progress = options.onProgress ?? (() => {});
  const stopped = () => options.signal?.aborted === true;
  const keep = async (read: ReadImport, line: Pick<ReadLine, 'source' | 'label' | 'page' | 'embedded'>) => {
    const stored = read.entries.length > 0 ? await deps.store(read) : { added: 0, duplicates: 0 };
    outcome.lines.push({
      ...line,
      format: read.provenance.format,
      rows: read.provenance.rows,
      records: read.entries.length,
      ...stored,
      skipped: read.skipped,
    });
  };

  if (kind.tables) {
    const pause = Math.max(MIN_PAUSE_MS, options.pauseMs ?? DEFAULT_PAUSE_MS);
    const maxPages = options.follow ? (options.maxPages ?? DEFAULT_MAX_PAGES) : 1;
    let page = doc;
    let pageUrl = url;
    const visited = new Set<string>();
    for (let n = 1; n <= maxPages; n += 1) {
      visited.add(pageUrl);
      progress({ done: n - 1, total: null });
      const result = await readPage(kind, page, pageUrl, deps.now);
      if (!result.ok) {
        outcome.notices.push(result.notice);
        break;
      }
      const embedded = result.read.via === 'embedded';
      const source = `${kind.label}, page ${n}`;
      await keep(result.read, {
        // English for the popup's answer; the panel words label, page and embedded itself.
        source: embedded ? `${source} (from the data the page holds for its own scripts)` : source,
        label: kind.label,
        page: n,
        embedded,
      });
      progress({ done: n, total: null });
      const next = options.follow ? nextPageUrl(kind, page, pageUrl) : undefined;
      if (!next || visited.has(next)) break;
      if (n === maxPages) {
        outcome.notices.push(ISSUE.pageLimit(maxPages));
        break;
      }
      await deps.sleep(pause, options.signal ?? new AbortController().signal);
      if (stopped()) break;
      try {
        page = deps.parseHtml(await deps.fetchText(next));
        pageUrl = next;
      } catch (error) {
        outcome.notices.push(ISSUE.pageLoadFailed(n + 1, message(error)));
        break;
      }
    }
  }

  const offered = reportLinks(kind, doc, url);
  const picked = (options.reports ?? [])
    .map((u) => offered.find((link) => link.url === new URL(u, url).href))
    .filter((link): link is ReportLink => link !== undefined);
  if ((options.reports?.length ?? 0) > picked.length) {
    outcome.notices.push(ISSUE.reportsGone());
  }
  for (const [i, link] of picked.entries()) {
    if (stopped()) break;
    progress({ done: i, total: picked.length, downloading: link.label });
    try {
      const result = await readReportFile(kind, link, await deps.fetchBytes(link.url), deps.now);
      if (result.ok) await keep(result.read, { source: link.label, label: link.label });
      else outcome.notices.push(result.notice);
    } catch (error) {
      outcome.notices.push(ISSUE.downloadFailed(link.label, message(error)));
    }
    progress({ done: i + 1, total: picked.length });
  }
  if (!kind.tables && picked.length === 0 && !stopped()) {
    outcome.notices.push(offered.length > 0 ? ISSUE.pickReports(offered.length) : ISSUE.noReports());
  }
  if (stopped()) {
    outcome.stopped = true;
    outcome.notices.push(ISSUE.readingStopped());
  }
  return outcome;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
