import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { LedgerEntry } from '../lib/domain/records.ts';
import { type ReadSummary, ReportReader } from '../lib/import/read.ts';
import type { AnyReportFormat } from '../lib/sources/format.ts';

const CHUNK_BYTES = 1 << 20;

/**
 * Streams a report file from disk through the same reader the extension uses. The file's
 * SHA-256 (its import id) is needed before the first record, so the file is hashed in a first
 * pass; both passes stream, so memory stays flat whatever the file's size.
 */
export async function readReportFile(
  path: string,
  formats: readonly AnyReportFormat[],
  onEntry: (entry: LedgerEntry) => void,
): Promise<ReadSummary & { sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  const sha256 = hash.digest('hex');
  const reader = new ReportReader({ fileName: basename(path), importId: sha256, formats, onEntry });
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    reader.push(chunk as Buffer);
  }
  return { ...reader.end(), sha256, size };
}
