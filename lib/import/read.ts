import type { LedgerEntry } from '../domain/records.ts';
import type { AnyReportFormat, RowReader } from '../sources/format.ts';
import { CsvReader, readCsv } from './csv.ts';
import { type AsciiText, StreamDecoder, type TextEncodingName } from './decode.ts';
import { HeaderIndex, normalizeHeaderCell } from './header.ts';
import { ISSUE, issueAt } from './issue-texts.ts';
import type { ImportIssue } from './issues.ts';
import { StringIndex } from './string-index.ts';

/** How much decoded text is looked at to find the header row among preamble lines. */
const HEADER_SEARCH_CHARS = 256 * 1024;
const HEADER_SEARCH_RECORDS = 100;

export interface HeaderMatch {
  format: AnyReportFormat;
  delimiter: string;
  /** 1-based line of the header row. */
  line: number;
  cells: string[];
}

/** Each format's spellings, normalised once rather than for every candidate row. */
const normalizedSpellings = new WeakMap<AnyReportFormat, Map<string, string[]>>();

/**
 * How many of the format's columns a row names (0 unless all required and no absent ones): what a
 * HeaderIndex of the row would say, without normalising every cell and spelling again for each
 * candidate row and format.
 */
function matches(format: AnyReportFormat, names: ReadonlySet<string>): number {
  let cached = normalizedSpellings.get(format);
  if (!cached) {
    cached = new Map(
      Object.entries(format.columns).map(([c, spellings]) => [c, spellings.map(normalizeHeaderCell)]),
    );
    normalizedSpellings.set(format, cached);
  }
  const columns = cached;
  const has = (c: string) => columns.get(c)?.some((spelling) => names.has(spelling)) ?? false;
  if (!format.required.every(has)) return 0;
  if (format.absent?.some(has)) return 0;
  let score = 0;
  for (const c of columns.keys()) if (has(c)) score += 1;
  return score;
}

/**
 * Finds the header row in the first lines of a file and the format it belongs to. Preamble lines
 * (Amazon's date range report has 7 to 9, eBay's transaction report ends its with `Seller,<id>`)
 * are skipped. When two formats fit the same row, the one that recognises more columns wins.
 */
export function findHeader(sample: string, formats: readonly AnyReportFormat[]): HeaderMatch | undefined {
  const delimiters = [...new Set(formats.flatMap((f) => f.delimiters))];
  let best: (HeaderMatch & { score: number }) | undefined;
  for (const delimiter of delimiters) {
    const candidates = formats.filter((f) => f.delimiters.includes(delimiter));
    const { records } = readCsv(sample, delimiter);
    for (const record of records.slice(0, HEADER_SEARCH_RECORDS)) {
      if (best && record.line > best.line) break;
      if (record.cells.length < 2) continue;
      const names = new Set(record.cells.map(normalizeHeaderCell));
      for (const format of candidates) {
        const score = matches(format, names);
        if (score === 0) continue;
        if (!best || record.line < best.line || (record.line === best.line && score > best.score)) {
          best = { format, delimiter, line: record.line, cells: record.cells, score };
        }
      }
    }
  }
  if (!best) return undefined;
  const { score: _score, ...match } = best;
  return match;
}

export interface ReadSummary {
  fileName: string;
  format: AnyReportFormat | undefined;
  encoding: TextEncodingName | undefined;
  headerLine: number | undefined;
  /** Data rows read (blank rows, preamble and header not counted). */
  rows: number;
  records: number;
  issues: ImportIssue[];
}

export interface ReportReaderOptions {
  fileName: string;
  importId: string;
  formats: readonly AnyReportFormat[];
  onEntry: (entry: LedgerEntry) => void;
  /** A faster decode of all-ASCII chunks where the runtime has one (the command line). */
  asciiText?: AsciiText;
  /** The file's size in bytes when known (File.size, stat): gives readers `expectedRows`. */
  fileBytes?: number;
}

/**
 * Tables sized from an estimate stop there: a wrong guess on a huge file must not allocate
 * hundreds of MB up front (beyond it, tables grow as they fill).
 */
export const MAX_EXPECTED_ROWS = 1 << 22;

/**
 * Reads one report file as its bytes arrive: decodes, finds the header and the format, then
 * hands each data row to the format's reader. Never throws on the file's content; every problem
 * becomes an issue with its line.
 */
export class ReportReader {
  private readonly decoder: StreamDecoder;
  private sample = '';
  private csv: CsvReader | undefined;
  private rowReader: RowReader | undefined;
  private match: HeaderMatch | undefined;
  private undetected = false;
  private rows = 0;
  private records = 0;
  /** Records dropped because the file had already given their key (see ReportFormat.uniqueKeys). */
  private repeats = 0;
  private readonly issues: ImportIssue[] = [];
  /** Bytes pushed before the format was known: with the sample's lines, gives `expectedRows`. */
  private sampleBytes = 0;

  constructor(private readonly options: ReportReaderOptions) {
    this.decoder = new StreamDecoder(options.asciiText);
  }

  push(bytes: Uint8Array): void {
    if (!this.csv) this.sampleBytes += bytes.length;
    this.text(this.decoder.push(bytes), false);
  }

  end(): ReadSummary {
    const steps = this.finish();
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * The end of the file, in steps: a format that emits many records at its end (RowReader.end)
   * emits them one part per step, so that a caller can store each part before the next is made.
   */
  *finish(): Generator<void, ReadSummary> {
    this.text(this.decoder.end(), true);
    this.csv?.end();
    if (this.rowReader) {
      let parts: Iterator<unknown> | undefined;
      this.guard(null, () => {
        parts = this.rowReader?.end() ?? undefined;
      });
      const steps = parts as Iterator<unknown> | undefined;
      while (steps) {
        // A part that throws ends the reader's end (its issue says so).
        let done: boolean = true;
        this.guard(null, () => {
          done = steps.next().done ?? false;
        });
        if (done) break;
        yield;
      }
    }
    return this.summary();
  }

  private summary(): ReadSummary {
    const issues = [...this.decoder.issues, ...this.issues];
    if (!this.match) {
      const known = this.options.formats.map((f) => f.label).join('; ');
      issues.unshift(issueAt(null, null, ISSUE.notAReport(this.options.fileName, known)));
    } else if (this.repeats > 0) {
      issues.push(issueAt(null, null, ISSUE.fileRepeats(this.options.fileName, this.repeats)));
    }
    if (this.match && this.rows === 0) {
      issues.push(issueAt(null, null, ISSUE.noDataRows(this.options.fileName)));
    }
    return {
      fileName: this.options.fileName,
      format: this.match?.format,
      encoding: this.decoder.encoding,
      headerLine: this.match?.line,
      rows: this.rows,
      records: this.records,
      issues,
    };
  }

  private text(text: string, final: boolean): void {
    if (this.csv) {
      if (text) this.csv.push(text);
      return;
    }
    if (this.undetected) return;
    this.sample += text;
    if (!final && this.sample.length < HEADER_SEARCH_CHARS) return;
    // Only the first characters, as when the file arrives in chunks: a file held whole is not
    // parsed once per candidate delimiter before being read.
    this.match = findHeader(this.sample.slice(0, HEADER_SEARCH_CHARS), this.options.formats);
    if (!this.match) {
      this.undetected = true; // the rest of the file is not read
      this.sample = '';
      return;
    }
    const csv = this.startReading(this.match, this.expectedRows(this.match));
    const sample = this.sample;
    this.sample = '';
    csv.push(sample);
  }

  /** The sample's lines past the header, scaled by the file's bytes over the sample's. */
  private expectedRows(match: HeaderMatch): number | undefined {
    const fileBytes = this.options.fileBytes;
    if (fileBytes === undefined || this.sampleBytes === 0) return undefined;
    let lines = 0;
    for (let at = this.sample.indexOf('\n'); at !== -1; at = this.sample.indexOf('\n', at + 1)) lines += 1;
    const rows = Math.ceil((lines * fileBytes) / this.sampleBytes) - match.line;
    return Math.max(0, Math.min(rows, MAX_EXPECTED_ROWS));
  }

  private startReading(match: HeaderMatch, expectedRows: number | undefined): CsvReader {
    const { format } = match;
    const header = new HeaderIndex(match.cells, format.columns);
    const fileName = this.options.fileName;
    try {
      this.rowReader = format.createReader({
        header,
        importId: this.options.importId,
        fileName,
        ...(expectedRows === undefined ? {} : { expectedRows }),
        emit: format.uniqueKeys ? (entry) => this.accept(entry) : this.onceEach(),
        issue: (row, column, said) =>
          this.issues.push(issueAt(row, column === null ? null : header.label(column), said)),
      });
    } catch (error) {
      // A bug in a format must not make the import throw: its rows are counted, none is read.
      const why = error instanceof Error ? error.message : String(error);
      this.issues.push(issueAt(match.line, null, ISSUE.formatFailed(fileName, format.label, why)));
    }
    const headerLine = match.line;
    this.csv = new CsvReader(
      match.delimiter,
      (cells, line) => {
        if (line <= headerLine) return;
        if (isBlank(cells)) return;
        this.rows += 1;
        // The guard, inlined: no closure per row.
        try {
          this.rowReader?.row(cells, line);
        } catch (error) {
          this.rowFailed(line, error);
        }
      },
      (issue) => this.issues.push(issue),
    );
    return this.csv;
  }

  private accept(entry: LedgerEntry): void {
    this.records += 1;
    this.options.onEntry(entry);
  }

  /** An emitter that lets each key of the file through once. */
  private onceEach(): (entry: LedgerEntry) => void {
    const seen = new StringIndex();
    return (entry) => {
      const size = seen.size;
      seen.add(entry.key);
      if (seen.size === size) this.repeats += 1;
      else this.accept(entry);
    };
  }

  /** A bug in one format's reader costs one row, not the import. */
  private guard(line: number | null, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.rowFailed(line, error);
    }
  }

  private rowFailed(line: number | null, error: unknown): void {
    this.issues.push(
      issueAt(line, null, ISSUE.rowFailed(error instanceof Error ? error.message : String(error))),
    );
  }
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.length > 0 && cell.trim() !== '') return false;
  return true;
}

export interface ReadResult extends ReadSummary {
  entries: LedgerEntry[];
}

/** Reads a whole file held in memory (tests, small files). */
export function readReport(bytes: Uint8Array, options: Omit<ReportReaderOptions, 'onEntry'>): ReadResult {
  const entries: LedgerEntry[] = [];
  const reader = new ReportReader({ ...options, onEntry: (e) => entries.push(e) });
  reader.push(bytes);
  return { ...reader.end(), entries };
}
