import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { TradelineDB } from '../schema.ts';

export type UpgradeTransaction = IDBPTransaction<
  TradelineDB,
  ArrayLike<StoreNames<TradelineDB>>,
  'versionchange'
>;

/**
 * One schema step. Runs inside the version-change transaction: it may only await requests of
 * that transaction, never anything else, or the transaction commits under it.
 */
export interface Migration {
  version: number;
  name: string;
  migrate(db: IDBPDatabase<TradelineDB>, tx: UpgradeTransaction): void | Promise<void>;
}
