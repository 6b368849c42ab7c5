import { ISSUE, issueAt } from './issue-texts.ts';
import type { ImportIssue } from './issues.ts';

/** Longest field kept whole; beyond it the rest of the field is dropped and an issue raised. */
export const MAX_FIELD_LENGTH = 1 << 20;

export type RecordHandler = (cells: string[], line: number) => void;

/**
 * A streaming RFC 4180 reader for CSV and TSV that tolerates what sellers' files really contain:
 * CRLF, LF or CR line ends, quoted fields with line breaks and doubled quotes, rows with more or
 * fewer cells than the header, stray quotes inside unquoted fields (kept as text), an unclosed
 * quote at the end (reported). Text arrives in chunks of any size, split anywhere.
 *
 * Hand-written because the fast libraries measured mis-split ragged rows (uDSV joins a short row
 * with the next one) and the robust ones are 2.8x (papaparse) to 6x (csv-parse) slower than
 * the speed target; papaparse serves as the oracle in this reader's property tests.
 */
export class CsvReader {
  private buffer = '';
  /** Line number of the first character of `buffer`. */
  private line = 1;

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: RecordHandler,
    private readonly onIssue: (issue: ImportIssue) => void = () => {},
  ) {}

  push(text: string): void {
    this.buffer = this.buffer.length > 0 ? this.buffer + text : text;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
    this.buffer = '';
  }

  private drain(final: boolean): void {
    const buf = this.buffer;
    const delim = this.delimiter;
    // Most text has no quote and no CR at all: split it into lines at once, as a naive reader would.
    if (buf.indexOf('"') === -1 && buf.indexOf('\r') === -1) {
      const lines = buf.split('\n');
      // The text after the last line end waits for the rest of its line (at the end: it is the last line).
      const rest = lines.pop() as string;
      for (const text of lines) {
        this.emitPlain(text, delim);
        this.line += 1;
      }
      if (final && rest.length > 0) {
        this.emitPlain(rest, delim);
        this.line += 1;
      }
      this.buffer = final ? '' : rest;
      return;
    }
    let pos = 0;
    const len = buf.length;
    // Position of the next quote at or after `pos` (-1: none left), kept so that a file without
    // quotes is scanned once, not once per line.
    let quote = buf.indexOf('"');
    while (pos < len) {
      const nl = buf.indexOf('\n', pos);
      // A record with no quote before its end of line takes the fast path.
      const lineEnd = nl === -1 ? len : nl;
      if (quote !== -1 && quote < pos) quote = buf.indexOf('"', pos);
      if (quote === -1 || quote >= lineEnd) {
        if (nl === -1 && !final) break; // wait for the rest of the line
        let end = lineEnd;
        if (end > pos && buf.charCodeAt(end - 1) === 13) end -= 1;
        const text = buf.slice(pos, end);
        if (text.indexOf('\r') !== -1) {
          // Old Mac line ends (CR only): several records on one "line".
          for (const part of text.split('\r')) {
            this.emitPlain(part, delim);
            this.line += 1;
          }
        } else {
          this.emitPlain(text, delim);
          this.line += 1;
        }
        pos = nl === -1 ? len : nl + 1;
        continue;
      }
      let next = this.slowRecord(buf, pos, final);
      if (next === -1 && len - pos > 2 * MAX_FIELD_LENGTH) {
        // A quote that never closes would make us buffer (and rescan) the whole file: give up on
        // this record, report it, and resume at the next line.
        this.onIssue(issueAt(this.line, null, ISSUE.quoteTooLong(this.line, MAX_FIELD_LENGTH)));
        next = nl === -1 ? len : nl + 1;
        this.line += 1;
      }
      if (next === -1) break; // incomplete quoted record: wait for more text
      pos = next;
    }
    this.buffer = pos >= len ? '' : buf.slice(pos);
  }

  private emitPlain(text: string, delim: string): void {
    if (text.length === 0) return; // blank lines carry no record
    this.onRecord(text.split(delim), this.line);
  }

  /** Reads one record that contains quotes, starting at `start`. Returns where the next record starts, or -1. */
  private slowRecord(buf: string, start: number, final: boolean): number {
    const cells: string[] = [];
    const delim = this.delimiter;
    const len = buf.length;
    let pos = start;
    let lines = 0;
    let field = '';
    for (;;) {
      if (pos < len && buf.charCodeAt(pos) === 34 && field === '') {
        // Quoted field: runs to the closing quote; "" is a literal quote.
        const openedAt = this.line + lines;
        pos += 1;
        let value = '';
        let closed = false;
        while (pos < len) {
          const q = buf.indexOf('"', pos);
          if (q === -1) {
            value += buf.slice(pos);
            pos = len;
            break;
          }
          value += buf.slice(pos, q);
          if (q + 1 < len && buf.charCodeAt(q + 1) === 34) {
            value += '"';
            pos = q + 2;
            continue;
          }
          if (q + 1 >= len && !final) {
            pos = len; // cannot tell `"` from `""` yet
            break;
          }
          pos = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          if (!final) return -1;
          this.onIssue(issueAt(openedAt, null, ISSUE.quoteNeverClosed(openedAt)));
        }
        lines += countLineBreaks(value);
        if (value.length > MAX_FIELD_LENGTH) {
          this.onIssue(issueAt(openedAt, null, ISSUE.valueTooLong(openedAt, value.length, MAX_FIELD_LENGTH)));
          value = value.slice(0, MAX_FIELD_LENGTH);
        }
        field = value;
        // Text after the closing quote up to the delimiter is kept (lenient, like spreadsheet apps).
        while (pos < len) {
          const c = buf.charCodeAt(pos);
          if (c === 10 || c === 13 || buf.startsWith(delim, pos)) break;
          field += buf[pos];
          pos += 1;
        }
      } else {
        // Unquoted field: up to the delimiter or the end of the line.
        let end = pos;
        while (end < len) {
          const c = buf.charCodeAt(end);
          if (c === 10 || c === 13 || buf.startsWith(delim, end)) break;
          end += 1;
        }
        field += buf.slice(pos, end);
        pos = end;
      }
      if (pos >= len) {
        if (!final) return -1;
        cells.push(field);
        this.finishRecord(cells, lines, true);
        return len;
      }
      if (buf.startsWith(delim, pos)) {
        cells.push(field);
        field = '';
        pos += delim.length;
        continue;
      }
      // Line end: CRLF, LF or CR.
      cells.push(field);
      const c = buf.charCodeAt(pos);
      if (c === 13 && pos + 1 >= len && !final) return -1; // maybe CRLF split across chunks
      pos += c === 13 && buf.charCodeAt(pos + 1) === 10 ? 2 : 1;
      this.finishRecord(cells, lines, false);
      return pos;
    }
  }

  private finishRecord(cells: string[], innerLines: number, atEof: boolean): void {
    const line = this.line;
    this.line += innerLines + (atEof ? 0 : 1);
    if (cells.length === 1 && cells[0] === '') return;
    this.onRecord(cells, line);
  }
}

function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n += 1;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n += 1;
  }
  return n;
}

/** Reads a whole string (tests, small files). */
export function readCsv(
  text: string,
  delimiter = ',',
): { records: { cells: string[]; line: number }[]; issues: ImportIssue[] } {
  const records: { cells: string[]; line: number }[] = [];
  const issues: ImportIssue[] = [];
  const reader = new CsvReader(
    delimiter,
    (cells, line) => records.push({ cells, line }),
    (i) => issues.push(i),
  );
  reader.push(text);
  reader.end();
  return { records, issues };
}
