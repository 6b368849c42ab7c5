import type { Platform } from '../domain/records.ts';
import type { TradelineDatabase } from '../storage/db.ts';
import { importEntries } from '../storage/ledger-repo.ts';
import { listAggregates, listImports, readSettings, writeSettings } from '../storage/overview-repo.ts';
import type { Handlers } from './router.ts';

/** The background's handlers, over the extension's IndexedDB. */
export function createHandlers(db: () => Promise<TradelineDatabase>, version: string): Handlers {
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
      return importEntries(
        await db(),
        { id, provenance, importedAt: new Date().toISOString() },
        platform,
        entries,
      );
    },
    async saveSettings(settings) {
      await writeSettings(await db(), settings);
      return settings;
    },
  };
}
