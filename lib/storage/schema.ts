import type { DBSchema } from 'idb';
import type { StoredApplication } from '../domain/application.ts';
import type { Channel } from '../domain/channel.ts';
import type { QuarantinedRecord } from '../domain/quarantine.ts';
import type { DedupeKeys, ImportRecord, MonthAggregate, Settings, StoredProfile } from '../domain/records.ts';
import type { StoredChunk } from './chunk-columns.ts';

export const DB_NAME = 'tradeline';

/** Records per stored chunk: one IndexedDB value per ~10,000 records is ~30x faster than one per record. */
export const CHUNK_SIZE = 10_000;

/** The database as the latest migration leaves it. */
export interface TradelineDB extends DBSchema {
  /** Index byState (migration 012): the imports of one state, `storing` ones above all. */
  imports: { key: string; value: ImportRecord; indexes: { byState: string } };
  /**
   * Key: [platform, month, seq], given next to the value (out-of-line since migration 011: put
   * chunks with `putChunk`), which holds the same three fields.
   */
  chunks: { key: [string, string, number]; value: StoredChunk };
  /** Key: [platform, month]. */
  dedupe: { key: [string, string]; value: DedupeKeys };
  /** Key: [platform, month]. Added by migration 002. */
  aggregates: { key: [string, string]; value: MonthAggregate };
  /** Key: a setting group's name. Added by migration 003. */
  settings: { key: string; value: Settings };
  /** Key: 'current'. Added by migration 004. */
  profiles: { key: string; value: StoredProfile };
  /** Key: `${submissionId}:${channelId}`. Added by migration 005. */
  applications: { key: string; value: StoredApplication; indexes: { bySubmission: string } };
  /** Key: channel id. Added by migration 006. */
  channels: { key: string; value: Channel };
  /** Key: auto-increment id. Added by migration 008. */
  quarantine: { key: number; value: QuarantinedRecord };
  /**
   * Key: what a token stands for ('dedupe'). Value: a random token, replaced by every transaction
   * that writes it (lib/storage/dedupe-revision.ts). Added by migration 010.
   */
  revisions: { key: string; value: string };
}
