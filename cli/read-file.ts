import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { LedgerEntry } from '../lib/domain/records.ts';
import { type ReadSummary, ReportReader } from '../lib/import/read.ts';
import type { AnyReportFormat } from '../lib/sources/format.ts';

/**
 * Chunks whose decoded text stays under V8's large-object size (128 KiB): such a text is made in
 * the young generation, whose pages are reused, rather than on a fresh large-object page per
 * chunk, which the kernel must fault in and zero. First 400,000 rows of a payments export
 * (callgrind, user-space instructions; page faults from `time`): 1,000,000-byte chunks 8,129 M
 * and 81,800 faults, these 7,848 M and 53,700 faults; a settlement report +1% instructions.
 * Longer than 1,031,913 bytes, Node makes the text an external string, slower still to split.
 */
const CHUNK_BYTES = 128_000;

/**
 * Streams a report file from disk through the same reader the extension uses. The file's
 * SHA-256 (its import id) is needed before the first record, so the file is hashed in a first
 * pass; both passes read a chunk at a time, so memory stays flat whatever the file's size.
 * Plain synchronous reads: a command-line tool has nothing else to do meanwhile, and a stream's
 * per-chunk promise and event machinery cost more than the reads themselves (measured: the
 * hashing pass went from ~0.3 s to ~0.1 s on a 147 MB file).
 */
export async function readReportFile(
  path: string,
  formats: readonly AnyReportFormat[],
  onEntry: (entry: LedgerEntry) => void,
): Promise<ReadSummary & { sha256: string; size: number }> {
  // One buffer for both passes: the reader copies what it keeps (see StreamDecoder.push).
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const hash = createHash('sha256');
  let size = 0;
  forEachChunk(path, buffer, (bytes) => {
    hash.update(bytes);
    size += bytes.length;
  });
  const sha256 = hash.digest('hex');
  const reader = new ReportReader({
    fileName: basename(path),
    importId: sha256,
    formats,
    onEntry,
    asciiText,
    fileBytes: size,
  });
  forEachChunk(path, buffer, (bytes) => reader.push(bytes));
  return { ...reader.end(), sha256, size };
}

/** Node checks and copies ASCII natively (simdutf), about 4x faster than its TextDecoder. */
function asciiText(bytes: Uint8Array): string | undefined {
  return isAscii(bytes)
    ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1')
    : undefined;
}

function forEachChunk(path: string, buffer: Buffer, visit: (bytes: Buffer) => void): void {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      visit(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
}
