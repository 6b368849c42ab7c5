import type { Platform } from '../domain/records.ts';
import type { TradelineDatabase } from '../storage/db.ts';
import { importEntries } from '../storage/ledger-repo.ts';
import { listAggregates, listImports, readSettings, writeSettings } from '../storage/overview-repo.ts';
import { currentProfile, recomputeProfile } from '../storage/profile-repo.ts';
import type { Handlers } from './router.ts';

/** The background's handlers, over the extension's IndexedDB. */
/** `today` gives the profile's "as of" date (injected so tests are reproducible). */
export function createHandlers(
  db: () => Promise<TradelineDatabase>,
  version: string,
  today: () => string = () => new Date().toISOString().slice(0, 10),
): Handlers {
  return {
    async ping() {
      return { version };
    },
    async getOverview() {
      const database = await db();
      const [imports, months, settings] = await Promise.all([
        listImports(database),
        listAggregates(database),
        readSettings(database),
      ]);
      const platforms = [...new Set(months.map((m) => m.platform))].sort() as Platform[];
      return {
        imports: imports.length,
        records: months.reduce((n, m) => n + m.records, 0),
        orders: months.reduce((n, m) => n + m.orders, 0),
        firstMonth: months[0]?.month ?? null,
        lastMonth: months.at(-1)?.month ?? null,
        platforms,
        months,
        settings,
      };
    },
    async listImports() {
      return listImports(await db());
    },
    async importEntries({ provenance, platform, entries }) {
      const id = provenance.sha256;
      const mismatched = entries.find((e) => e.importId !== id || e.platform !== platform);
      if (mismatched) throw new Error(`Record ${mismatched.key} does not belong to import ${id}.`);
      const database = await db();
      const result = await importEntries(database, { id, provenance, importedAt: new Date().toISOString() }, platform, entries);
      // New data: the stored profile is recomputed now, so the popup never has to.
      if (result.added > 0) await recomputeProfile(database, today());
      return result;
    },
    async saveSettings(settings) {
      const database = await db();
      await writeSettings(database, settings);
      await recomputeProfile(database, today());
      return settings;
    },
    async getProfile() {
      return currentProfile(await db(), today());
    },
  };
}
