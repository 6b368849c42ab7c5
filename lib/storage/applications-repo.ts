import { StoredApplication } from '../domain/application.ts';
import type { TradelineDatabase } from './db.ts';
import { quarantine, readValid } from './quarantine.ts';

/** What the outbox and the tracker need from storage (an interface so tests can count calls). */
export interface ApplicationStore {
  get(id: string): Promise<StoredApplication | undefined>;
  put(app: StoredApplication): Promise<void>;
  /** Stores `app` unless one with its id exists; returns what is stored. Atomic. */
  putIfAbsent(app: StoredApplication): Promise<StoredApplication>;
  list(): Promise<StoredApplication[]>;
  /**
   * Reads the stored application and stores what `change` makes of it, in one transaction:
   * nothing written meanwhile (a poll, a seller's action, a revocation) is overwritten by a
   * copy read before it. `change` must be synchronous (an IndexedDB transaction ends at the
   * first await on anything else); returning `current` itself writes nothing. An application no
   * longer stored (deleted meanwhile) stays deleted: the answer is undefined.
   */
  update(
    id: string,
    change: (current: StoredApplication) => StoredApplication,
  ): Promise<{ before: StoredApplication; after: StoredApplication } | undefined>;
}

/**
 * Applications in IndexedDB. Values read back are validated: a record that no longer parses is
 * quarantined (moved aside, listed on the options page), never allowed to break the outbox or
 * the popup.
 */
export function applicationStore(db: TradelineDatabase): ApplicationStore {
  return {
    async get(id) {
      const value: unknown = await db.get('applications', id);
      if (value === undefined) return undefined;
      const parsed = StoredApplication.safeParse(value);
      if (parsed.success) return parsed.data;
      await quarantine(db, 'applications', [id], StoredApplication, new Date());
      return undefined;
    },
    async put(app) {
      await db.put('applications', app);
    },
    async putIfAbsent(app) {
      const tx = db.transaction('applications', 'readwrite');
      const existing = await tx.store.get(app.id);
      if (existing) {
        await tx.done;
        return existing;
      }
      await tx.store.add(app);
      await tx.done;
      return app;
    },
    async list() {
      return readValid(db, 'applications', StoredApplication);
    },
    async update(id, change) {
      const tx = db.transaction('applications', 'readwrite');
      const value: unknown = await tx.store.get(id);
      if (value === undefined) {
        await tx.done;
        return undefined;
      }
      const parsed = StoredApplication.safeParse(value);
      if (!parsed.success) {
        await tx.done;
        await quarantine(db, 'applications', [id], StoredApplication, new Date());
        return undefined;
      }
      let after: StoredApplication;
      try {
        after = change(parsed.data);
      } catch (error) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw error;
      }
      if (after !== parsed.data) await tx.store.put(after);
      await tx.done;
      return { before: parsed.data, after };
    },
  };
}
