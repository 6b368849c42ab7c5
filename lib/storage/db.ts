import { type IDBPDatabase, openDB } from 'idb';
import { LATEST_VERSION, MIGRATIONS } from './migrations/all.ts';
import { DB_NAME, type TradelineDB } from './schema.ts';

export type TradelineDatabase = IDBPDatabase<TradelineDB>;

export interface OpenOptions {
  name?: string;
  /** Open at an earlier version (tests of the upgrade path use this). */
  version?: number;
}

/** Opens the database, running each numbered migration above the stored version, in order. */
export function openTradelineDb(options: OpenOptions = {}): Promise<TradelineDatabase> {
  const version = options.version ?? LATEST_VERSION;
  return openDB<TradelineDB>(options.name ?? DB_NAME, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      const target = newVersion ?? version;
      const steps = MIGRATIONS.filter((m) => m.version > oldVersion && m.version <= target);
      // Chained in microtasks so that the version-change transaction stays active throughout.
      let chain: Promise<void> = Promise.resolve();
      for (const step of steps) chain = chain.then(() => step.migrate(db, tx));
      chain.catch((error: unknown) => {
        console.error('Tradeline: database migration failed', error);
        tx.abort();
      });
    },
    blocking() {
      // A newer version wants to open (extension updated in another page): step aside.
      void 0;
    },
  });
}
