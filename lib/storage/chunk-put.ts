import type { RecordChunk } from '../domain/records.ts';
import { type StoredChunk, toColumns } from './chunk-columns.ts';

/** A store of record chunks inside a read-write transaction, as far as putting one goes. */
interface ChunkStore {
  put(value: StoredChunk, key: [string, string, number]): Promise<unknown>;
}

/**
 * Puts a chunk under its key, [platform, month, seq]: the chunks store has no key path since
 * migration 011, so that the browser does not clone every chunk to read its key out of it.
 */
export function putChunk(store: ChunkStore, chunk: RecordChunk): Promise<unknown> {
  return store.put(toColumns(chunk), [chunk.platform, chunk.month, chunk.seq]);
}
