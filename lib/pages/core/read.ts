import { ISSUE, type IssueText } from '../../import/issue-texts.ts';
import { readReport } from '../../import/read.ts';
import { embeddedJson } from './embedded.ts';
import { pageText, provenanceUrl, sha256Hex } from './hash.ts';
import { queryAll, queryFirst, textOf } from './selectors.ts';
import { readCells, readTable, type TableRead } from './table.ts';
import type { PageKind, ReadImport, ReportLink, SiteAdapter } from './types.ts';

/** The kind of page this is for the adapter, or undefined: the panel then says so plainly. */
export function recognise(adapter: SiteAdapter, doc: Document, url: string): PageKind | undefined {
  const path = new URL(url).pathname;
  return adapter.pages.find((kind) => kind.path.test(path) && queryFirst(doc, kind.marker) !== null);
}

export type PageOutcome = { ok: true; read: ReadImport } | { ok: false; notice: IssueText };

/** Reads the records of one page (the open one, or a later page of the same list fetched as HTML). */
export async function readPage(
  kind: PageKind,
  doc: Document,
  url: string,
  now: () => Date = () => new Date(),
): Promise<PageOutcome> {
  if (!kind.tables) return { ok: false, notice: ISSUE.pageListsReports(kind.label) };
  const text = pageText(doc);
  const importId = await sha256Hex(text);
  const title = textOf(doc.querySelector('title')) || kind.label;
  const embedded = readEmbedded(kind, doc, importId, title);
  const table = embedded ?? readTable(doc, kind.tables, importId, title);
  if (!table) {
    return { ok: false, notice: ISSUE.pageNoTable(kind.label) };
  }
  return {
    ok: true,
    read: {
      platform: table.platform,
      entries: table.entries,
      skipped: table.skipped,
      via: embedded ? 'embedded' : 'table',
      provenance: {
        kind: 'page',
        url: provenanceUrl(url),
        title,
        format: table.format.id,
        sha256: importId,
        rows: table.rows,
        readAt: now().toISOString(),
      },
    },
  };
}

/** The page's embedded data read as rows, when the kind has such a source and it holds valid rows. */
function readEmbedded(kind: PageKind, doc: Document, importId: string, name: string): TableRead | undefined {
  const spec = kind.tables;
  if (!spec?.embedded) return undefined;
  const data = embeddedJson(doc, spec.embedded.sources);
  const cells = data === undefined ? undefined : spec.embedded.rows(data);
  if (!cells || cells.rows.length === 0) return undefined;
  return readCells(cells, spec, spec.constants?.(doc) ?? {}, importId, name);
}

/** The next page of the list, when the page links one (same origin only). */
export function nextPageUrl(kind: PageKind, doc: Document, url: string): string | undefined {
  if (!kind.next) return undefined;
  const link = queryFirst(doc, kind.next);
  const href = link?.getAttribute('href');
  if (!href || link?.getAttribute('aria-disabled') === 'true') return undefined;
  const next = new URL(href, url);
  return next.origin === new URL(url).origin && next.href !== url ? next.href : undefined;
}

/** Report files the page offers for download (same origin only: the seller's session stays on the site). */
export function reportLinks(kind: PageKind, doc: Document, url: string): ReportLink[] {
  if (!kind.reports) return [];
  const origin = new URL(url).origin;
  const seen = new Set<string>();
  const links: ReportLink[] = [];
  for (const a of queryAll(doc, kind.reports.links)) {
    const href = a.getAttribute('href');
    if (!href) continue;
    const target = new URL(href, url);
    if (target.origin !== origin || seen.has(target.href)) continue;
    seen.add(target.href);
    links.push({ url: target.href, label: textOf(a) || target.pathname.split('/').pop() || target.href });
  }
  return links;
}

/** Reads a downloaded report file with the same parsers as a dropped file. */
export async function readReportFile(
  kind: PageKind,
  link: ReportLink,
  bytes: Uint8Array,
  now: () => Date = () => new Date(),
): Promise<PageOutcome> {
  const importId = await sha256Hex(bytes);
  const fileName = decodeURIComponent(new URL(link.url).pathname.split('/').pop() || link.label);
  const result = readReport(bytes, { fileName, importId, formats: kind.reports?.formats ?? [] });
  if (!result.format) {
    const first = result.issues[0];
    return { ok: false, notice: first?.code ? (first as IssueText) : ISSUE.notAReport(fileName) };
  }
  return {
    ok: true,
    read: {
      platform: result.format.platform,
      entries: result.entries,
      skipped: result.issues.map(({ field, ...issue }) => ({ ...issue, column: field })),
      provenance: {
        kind: 'page',
        url: provenanceUrl(link.url),
        title: fileName,
        format: result.format.id,
        sha256: importId,
        rows: result.rows,
        readAt: now().toISOString(),
      },
    },
  };
}
