import type { LedgerEntry, Platform } from '../../domain/records.ts';
import { HeaderIndex } from '../../import/header.ts';
import { ISSUE } from '../../import/issue-texts.ts';
import type { AnyReportFormat } from '../../sources/format.ts';
import { queryAll, textOf } from './selectors.ts';
import type { PageTable, Skipped } from './types.ts';

export interface TableRead {
  format: AnyReportFormat;
  platform: Platform;
  /** Data rows the table showed. */
  rows: number;
  entries: LedgerEntry[];
  skipped: Skipped[];
}

/**
 * The text a cell stands for: its `data-value`, else the machine date of a `<time datetime>` in it
 * (lists often show "Mar 5, 10:12 AM" without the year), else its visible text.
 */
function cellText(cell: Element): string {
  const value = cell.getAttribute('data-value');
  if (value !== null) return value;
  const time = cell.querySelector('time[datetime]');
  return time ? (time.getAttribute('datetime') ?? '') : textOf(cell);
}

/**
 * Header cells and data rows of a table, as text. An HTML table: `thead` cells, else the first row
 * of `th`. An ARIA table (`role="table"`/`"grid"` built of divs): `columnheader` cells and `row`s.
 */
export function tableCells(table: Element): { header: string[]; rows: string[][] } {
  if (table.tagName !== 'TABLE' && table.querySelector('[role="row"]')) return ariaCells(table);
  const headRow = table.querySelector('thead tr') ?? table.querySelector('tr:has(th)');
  const header = headRow ? [...headRow.querySelectorAll('th, td')].map((c) => textOf(c)) : [];
  const rows: string[][] = [];
  for (const tr of table.querySelectorAll('tr')) {
    if (tr === headRow || tr.closest('thead')) continue;
    const cells = [...tr.querySelectorAll('td, th')];
    if (cells.length === 0) continue;
    rows.push(cells.map(cellText));
  }
  return { header, rows };
}

function ariaCells(table: Element): { header: string[]; rows: string[][] } {
  const header = [...table.querySelectorAll('[role="columnheader"]')].map((c) => textOf(c));
  const rows: string[][] = [];
  for (const row of table.querySelectorAll('[role="row"]')) {
    const cells = [...row.querySelectorAll('[role="cell"], [role="gridcell"], [role="rowheader"]')];
    if (cells.length > 0) rows.push(cells.map(cellText));
  }
  return { header, rows };
}

function columnsWith(
  format: AnyReportFormat,
  spellings: PageTable['spellings'],
): Record<string, readonly string[]> {
  const columns: Record<string, readonly string[]> = { ...format.columns };
  for (const [column, extra] of Object.entries(spellings ?? {})) {
    if (columns[column]) columns[column] = [...(columns[column] ?? []), ...extra];
  }
  return columns;
}

/**
 * The format whose header dictionary the table's visible header satisfies (all required
 * columns, none of its `absent` ones); the one naming more columns wins.
 */
export function matchFormat(
  header: readonly string[],
  formats: readonly AnyReportFormat[],
  spellings?: PageTable['spellings'],
): { format: AnyReportFormat; index: HeaderIndex } | undefined {
  let best: { format: AnyReportFormat; index: HeaderIndex; score: number } | undefined;
  for (const format of formats) {
    const index = new HeaderIndex(header, columnsWith(format, spellings));
    if (!format.required.every((c) => index.has(c))) continue;
    if (format.absent?.some((c) => index.has(c))) continue;
    const score = Object.keys(format.columns).filter((c) => index.has(c)).length;
    if (!best || score > best.score) best = { format, index, score };
  }
  return best && { format: best.format, index: best.index };
}

/**
 * Reads the page's table through the report format with the same columns: the same header
 * dictionary and row reader as the exported file, so a redesign that keeps the words keeps
 * working. Returns undefined when no table with known columns is on the page.
 */
export function readTable(
  doc: Document,
  spec: PageTable,
  importId: string,
  name: string,
): TableRead | undefined {
  const constants = spec.constants?.(doc) ?? {};
  for (const table of queryAll(doc, spec.table)) {
    const read = readCells(tableCells(table), spec, constants, importId, name);
    if (read) return read;
  }
  return undefined;
}

/** Reads header and rows (of a table, or of embedded data) through the format their header matches. */
export function readCells(
  cells: { header: readonly string[]; rows: readonly (readonly string[])[] },
  spec: PageTable,
  constants: Readonly<Record<string, string>>,
  importId: string,
  name: string,
): TableRead | undefined {
  const extraNames = Object.keys(constants).filter((c) => !cells.header.some((h) => h === c));
  const header = [...cells.header, ...extraNames];
  const found = matchFormat(header, spec.formats, spec.spellings);
  if (!found) return undefined;
  const { format, index } = found;
  const entries: LedgerEntry[] = [];
  const skipped: Skipped[] = [];
  // As for files (ReportFormat.uniqueKeys): a page never gives one key twice; a repeat is dropped.
  const seen = new Set<string>();
  let repeats = 0;
  const reader = format.createReader({
    header: index,
    importId,
    fileName: name,
    emit: (entry) => {
      if (!format.uniqueKeys && seen.has(entry.key)) repeats += 1;
      else {
        seen.add(entry.key);
        entries.push(entry);
      }
    },
    issue: (row, column, said) =>
      skipped.push({ row, column: column === null ? null : index.label(column), ...said }),
  });
  let rows = 0;
  cells.rows.forEach((row, i) => {
    if (row.every((c) => c.trim() === '')) return;
    rows += 1;
    try {
      reader.row([...row, ...extraNames.map((c) => constants[c] ?? '')], i + 1);
    } catch (error) {
      skipped.push({ row: i + 1, column: null, ...ISSUE.rowFailed(String(error)) });
    }
  });
  // A format that emits its end in parts (RowReader.end): all of them, a page is small.
  const parts = reader.end();
  if (parts) while (!parts.next().done);
  if (repeats > 0) {
    skipped.push({ row: null, column: null, ...ISSUE.pageRepeats(repeats) });
  }
  return { format, platform: format.platform, rows, entries, skipped };
}
