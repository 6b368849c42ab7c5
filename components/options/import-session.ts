import type { FileProvenance } from '../../lib/domain/provenance.ts';
import type { LedgerEntry, LedgerKind, Platform } from '../../lib/domain/records.ts';
import type { ImportIssue } from '../../lib/import/issues.ts';
import { ReportReader } from '../../lib/import/read.ts';
import type { AnyReportFormat } from '../../lib/sources/format.ts';

/**
 * Reading and storing a report file off the main thread. The worker (import-worker.ts) runs one
 * session; tests run the same session in-process (createInProcessWorker). The session keeps the
 * records it read and, once the seller presses Import, stores them batch by batch itself (the
 * worker shares the extension's IndexedDB): the page only ever holds the preview and small
 * progress messages, so a 100 MB file never stalls it.
 */

/** What the page sends to the worker. */
export type ToWorker =
  | { type: 'read'; file: Blob; name: string }
  | {
      type: 'store';
      index: number;
      /** Batches of the file: it counts only once the last is stored. */
      count: number;
      size: number;
      provenance: FileProvenance;
      platform: Platform;
    };

/** What the worker answers. */
export type FromWorker =
  | { type: 'progress'; read: number; total: number }
  | { type: 'preview'; preview: ImportPreview }
  | { type: 'stored'; index: number; added: number; duplicates: number }
  | { type: 'store-failed'; index: number; detail: string }
  | { type: 'failed'; reason: 'too-large' | 'unreadable'; detail: string };

/** Stores one batch of records (lib/storage/store-import.ts over the extension's database). */
export type StoreBatch = (request: {
  provenance: FileProvenance;
  platform: Platform;
  entries: readonly LedgerEntry[];
  batch: { index: number; count: number };
}) => Promise<{ added: number; duplicates: number }>;

/** Everything shown before anything is stored. */
export interface ImportPreview {
  fileName: string;
  size: number;
  /** SHA-256 of the file's bytes: the import's id. */
  sha256: string;
  format: { id: string; label: string; platform: Platform } | null;
  encoding: string | null;
  headerLine: number | null;
  /** Data rows read. */
  rows: number;
  records: number;
  byKind: Partial<Record<LedgerKind, number>>;
  months: { month: string; records: number }[];
  periodStart: string | null;
  periodEnd: string | null;
  /** The first records, as they will be stored. */
  first: LedgerEntry[];
  issues: ImportIssue[];
  readAt: string;
  /** Labels of every format Tradeline reads (said when the file is not one of them). */
  knownFormats: string[];
}

/** The page's handle on a worker (a real Worker behind `createImportWorker`, or the in-process one). */
export interface ImportWorker {
  post(message: ToWorker): void;
  listen(handler: (message: FromWorker) => void): void;
  terminate(): void;
}

export interface SessionOptions {
  formats: readonly AnyReportFormat[];
  /** Where Import stores each batch. */
  store: StoreBatch;
  /** Bytes read per step (and per progress message). */
  chunkBytes?: number;
  /** Records shown in the preview. */
  firstRecords?: number;
  now?: () => Date;
}

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function createImportSession(post: (message: FromWorker) => void, options: SessionOptions) {
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  const firstRecords = options.firstRecords ?? 10;
  const now = options.now ?? (() => new Date());
  // Each batch's records are let go once stored: the worker's memory falls while it stores, and
  // the decoded text the records' strings still point into goes with them.
  let entries: (LedgerEntry | undefined)[] = [];

  async function read(file: Blob, name: string): Promise<void> {
    entries = [];
    post({ type: 'progress', read: 0, total: file.size });
    // The import id is the SHA-256 of the bytes, hashed first from one copy of the file that is
    // gone before the records are read: at the peak the worker holds the records, not the file too.
    let sha256: string;
    let total: number;
    try {
      const bytes = await file.arrayBuffer();
      total = bytes.byteLength;
      sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
    } catch (error) {
      post({
        type: 'failed',
        reason: error instanceof RangeError ? 'too-large' : 'unreadable',
        detail: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    const byKind: Partial<Record<LedgerKind, number>> = {};
    const months = new Map<string, number>();
    let first: string | null = null;
    let last: string | null = null;
    const reader = new ReportReader({
      fileName: name,
      importId: sha256,
      formats: options.formats,
      onEntry: (entry) => {
        entries.push(entry);
        byKind[entry.kind] = (byKind[entry.kind] ?? 0) + 1;
        const month = entry.date.slice(0, 7);
        months.set(month, (months.get(month) ?? 0) + 1);
        if (first === null || entry.date < first) first = entry.date;
        if (last === null || entry.date > last) last = entry.date;
      },
    });
    let offset = 0;
    try {
      while (offset < total) {
        const chunk = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
        if (chunk.byteLength === 0) break;
        reader.push(chunk);
        offset += chunk.byteLength;
        post({ type: 'progress', read: offset, total });
      }
    } catch (error) {
      post({
        type: 'failed',
        reason: 'unreadable',
        detail: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    const summary = reader.end();
    const format = summary.format;
    post({
      type: 'preview',
      preview: {
        fileName: name,
        size: offset,
        sha256,
        format: format ? { id: format.id, label: format.label, platform: format.platform } : null,
        encoding: summary.encoding ?? null,
        headerLine: summary.headerLine ?? null,
        rows: summary.rows,
        records: summary.records,
        byKind,
        months: [...months]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([month, records]) => ({ month, records })),
        periodStart: first,
        periodEnd: last,
        first: entries.slice(0, firstRecords).filter((e): e is LedgerEntry => e !== undefined),
        issues: summary.issues,
        readAt: now().toISOString(),
        knownFormats: options.formats.map((f) => f.label),
      },
    });
  }

  return {
    async handle(message: ToWorker): Promise<void> {
      if (message.type === 'read') {
        await read(message.file, message.name);
        return;
      }
      const { index, count, size, provenance, platform } = message;
      const start = index * size;
      const end = Math.min(start + size, entries.length);
      try {
        const batch = entries.slice(start, end).filter((e): e is LedgerEntry => e !== undefined);
        if (batch.length !== end - start) throw new Error(`Batch ${index + 1} was stored already.`);
        const result = await options.store({ provenance, platform, entries: batch, batch: { index, count } });
        entries.fill(undefined, start, end);
        post({ type: 'stored', index, added: result.added, duplicates: result.duplicates });
      } catch (error) {
        post({ type: 'store-failed', index, detail: error instanceof Error ? error.message : String(error) });
      }
    },
    /** Forgets the records read (the worker is about to end). */
    dispose(): void {
      entries = [];
    },
  };
}

/** The same session on the calling thread: for tests, and where workers are unavailable. */
export function createInProcessWorker(options: SessionOptions): ImportWorker {
  let handler: (message: FromWorker) => void = () => {};
  let live = true;
  const session = createImportSession((message) => {
    // Delivered asynchronously, as a worker's messages are.
    queueMicrotask(() => live && handler(message));
  }, options);
  return {
    post(message) {
      if (live) void session.handle(message);
    },
    listen(h) {
      handler = h;
    },
    terminate() {
      live = false;
      session.dispose();
    },
  };
}
