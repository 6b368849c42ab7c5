import type { RecordChunk } from '../lib/domain/records.ts';
import { chunkOf } from '../lib/storage/chunk-columns.ts';
import type { TradelineDatabase } from '../lib/storage/db.ts';

/** The stored chunks as storage reads them: columns back as records (chunk-columns.ts). */
export async function storedChunks(db: TradelineDatabase, query?: IDBKeyRange): Promise<RecordChunk[]> {
  return (await db.getAll('chunks', query)).map((value) => chunkOf(value) as RecordChunk);
}

/** One stored chunk as storage reads it (undefined: none under that key). */
export async function storedChunk(
  db: TradelineDatabase,
  key: [string, string, number],
): Promise<RecordChunk | undefined> {
  const value = await db.get('chunks', key);
  return value === undefined ? undefined : (chunkOf(value) as RecordChunk);
}
