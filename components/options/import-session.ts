import type { FileProvenance } from '../../lib/domain/provenance.ts';
import type { LedgerEntry, LedgerKind, Platform } from '../../lib/domain/records.ts';
import type { ImportIssue } from '../../lib/import/issues.ts';
import { ReportReader } from '../../lib/import/read.ts';
import type { AnyReportFormat } from '../../lib/sources/format.ts';

/**
 * Reading and storing a report file off the main thread. The worker (import-worker.ts) runs one
 * session; tests run the same session in-process (createInProcessWorker). Reading for the preview
 * keeps counts, the first records and the issues, not the records: once the seller presses Import,
 * the session reads the file again (after checking its bytes still hash to the preview's id) and
 * stores each batch as soon as it is read, itself (the worker shares the extension's IndexedDB).
 * The worker never holds a whole 100 MB file's records (they were most of its memory), and the
 * page only ever holds the preview and small progress messages, so it never stalls.
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
  /** `changed`: the file's bytes are no longer those the preview was read from. */
  | { type: 'store-failed'; index: number; detail: string; reason?: 'changed' }
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
  /** Undoes what the file's earlier batches stored, when a later batch cannot be made. */
  discard?: (importId: string) => Promise<void>;
  /** Bytes read per step (and per progress message). */
  chunkBytes?: number;
  /** Records shown in the preview. */
  firstRecords?: number;
  now?: () => Date;
}

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of a file, from one copy of its bytes that is let go once hashed. */
async function hashOf(file: Blob): Promise<{ sha256: string; size: number }> {
  const bytes = await file.arrayBuffer();
  return { sha256: hex(await crypto.subtle.digest('SHA-256', bytes)), size: bytes.byteLength };
}

/** The file's bytes no longer hash to the preview's id (it was changed on disk since). */
class FileChanged extends Error {}

/**
 * The records of a file read again, handed out in batches as they are read: only what has been
 * read but not yet taken is held. What a format emits at the end of the file (Shopify's payments
 * export: every order and refund) comes a part at a time too (ReportReader.finish).
 */
class RecordFeed {
  private queue: LedgerEntry[] = [];
  private offset = 0;
  /**
   * Let go once the file is read: a format's reader can hold large state to its end (Shopify's
   * payments export keeps every order's rows in typed columns: 110 MB for 700,000 rows).
   */
  private reader: ReportReader | undefined;

  constructor(
    private readonly file: Blob,
    name: string,
    importId: string,
    formats: readonly AnyReportFormat[],
    private readonly chunkBytes: number,
  ) {
    this.reader = new ReportReader({
      fileName: name,
      importId,
      formats,
      fileBytes: file.size,
      onEntry: (entry) => this.queue.push(entry),
    });
  }

  /** The end of the file, once reached: a step emits a part of what the format emits there. */
  private finishing: Generator<void, unknown> | undefined;

  /** The next `count` records (fewer only at the end of the file). */
  async take(count: number): Promise<LedgerEntry[]> {
    while (this.queue.length < count && this.reader) {
      if (this.finishing) {
        // Its issues were shown in the preview.
        if (this.finishing.next().done) this.reader = undefined;
        continue;
      }
      const chunk = new Uint8Array(
        await this.file.slice(this.offset, this.offset + this.chunkBytes).arrayBuffer(),
      );
      if (chunk.byteLength === 0) this.finishing = this.reader.finish();
      else {
        this.reader.push(chunk);
        this.offset += chunk.byteLength;
      }
    }
    if (!this.reader) this.finishing = undefined;
    const batch = this.queue.slice(0, count);
    this.queue = this.queue.slice(count);
    return batch;
  }
}

export function createImportSession(post: (message: FromWorker) => void, options: SessionOptions) {
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  const firstRecords = options.firstRecords ?? 10;
  const now = options.now ?? (() => new Date());
  /** The file previewed last, what the preview said of it, and its records read again on Import. */
  let previewed: { file: Blob; name: string; sha256: string; records: number } | undefined;
  /** The file read again on Import, and the batch it hands out next. */
  let feed: { records: RecordFeed; next: number } | undefined;

  async function read(file: Blob, name: string): Promise<void> {
    previewed = undefined;
    feed = undefined;
    post({ type: 'progress', read: 0, total: file.size });
    // The import id is the SHA-256 of the bytes, hashed first from one copy of the file that is
    // gone before the records are read.
    let sha256: string;
    let total: number;
    try {
      ({ sha256, size: total } = await hashOf(file));
    } catch (error) {
      post({
        type: 'failed',
        reason: error instanceof RangeError ? 'too-large' : 'unreadable',
        detail: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    // Counts, the first records and the issues: the records themselves are read again on Import.
    const first: LedgerEntry[] = [];
    const byKind: Partial<Record<LedgerKind, number>> = {};
    const months = new Map<string, number>();
    let periodStart: string | null = null;
    let periodEnd: string | null = null;
    const reader = new ReportReader({
      fileName: name,
      importId: sha256,
      formats: options.formats,
      fileBytes: file.size,
      onEntry: (entry) => {
        if (first.length < firstRecords) first.push(entry);
        byKind[entry.kind] = (byKind[entry.kind] ?? 0) + 1;
        const month = entry.date.slice(0, 7);
        months.set(month, (months.get(month) ?? 0) + 1);
        if (periodStart === null || entry.date < periodStart) periodStart = entry.date;
        if (periodEnd === null || entry.date > periodEnd) periodEnd = entry.date;
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
    previewed = { file, name, sha256, records: summary.records };
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
        periodStart,
        periodEnd,
        first,
        issues: summary.issues,
        readAt: now().toISOString(),
        knownFormats: options.formats.map((f) => f.label),
      },
    });
  }

  /** Batch `index` of the file read again: exactly the records the preview counted for it. */
  async function batchOf(index: number, count: number, size: number): Promise<LedgerEntry[]> {
    const source = previewed;
    if (!source) throw new Error('No file was read.');
    if (index === 0) {
      // The same bytes give the same records: checked before anything is stored. Chromium
      // refuses to read a picked file modified since (NotReadableError): changed too.
      const { sha256 } = await hashOf(source.file).catch((error: unknown) => {
        throw error instanceof DOMException && error.name === 'NotReadableError' ? new FileChanged() : error;
      });
      if (sha256 !== source.sha256) throw new FileChanged();
      feed = {
        records: new RecordFeed(source.file, source.name, source.sha256, options.formats, chunkBytes),
        next: 0,
      };
    }
    if (!feed) throw new Error(`Batch ${index + 1} came before the first.`);
    feed.next = index + 1;
    const expected = Math.min(size, source.records - index * size);
    const last = index === count - 1;
    // The last batch asks for one more record than it expects: there must be none.
    const batch = await feed.records.take(last ? expected + 1 : expected);
    if (expected < 1 || batch.length !== expected || (last && source.records !== index * size + expected)) {
      throw new Error(`The file read again does not match its preview at batch ${index + 1} of ${count}.`);
    }
    if (last) feed = undefined;
    return batch;
  }

  return {
    async handle(message: ToWorker): Promise<void> {
      if (message.type === 'read') {
        await read(message.file, message.name);
        return;
      }
      const { index, count, size, provenance, platform } = message;
      // Batches come in order, each once: the file is read again only from its start.
      const next = feed?.next ?? 0;
      if (index !== next) {
        post({
          type: 'store-failed',
          index,
          detail:
            index < next
              ? `Batch ${index + 1} was stored already.`
              : `Batch ${index + 1} came before batch ${next + 1}.`,
        });
        return;
      }
      let entries: LedgerEntry[];
      try {
        entries = await batchOf(index, count, size);
      } catch (error) {
        feed = undefined;
        // The file fails as a whole (the page says so): what its earlier batches stored goes too.
        if (index > 0) await options.discard?.(provenance.sha256);
        post({
          type: 'store-failed',
          index,
          detail: error instanceof Error ? error.message : String(error),
          ...(error instanceof FileChanged ? { reason: 'changed' as const } : {}),
        });
        return;
      }
      try {
        const result = await options.store({ provenance, platform, entries, batch: { index, count } });
        post({ type: 'stored', index, added: result.added, duplicates: result.duplicates });
      } catch (error) {
        feed = undefined;
        post({
          type: 'store-failed',
          index,
          detail: error instanceof Error ? error.message : String(error),
        });
      }
    },
    /** Forgets the file (the worker is about to end). */
    dispose(): void {
      previewed = undefined;
      feed = undefined;
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
