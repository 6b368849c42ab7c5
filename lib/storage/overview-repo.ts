import type { ImportRecord, MonthAggregate, Settings } from '../domain/records.ts';
import type { TradelineDatabase } from './db.ts';

export async function listImports(db: TradelineDatabase): Promise<ImportRecord[]> {
  const all = await db.getAll('imports');
  return all.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}

/** Monthly totals of every platform, months ascending. Small: one value per platform-month. */
export async function listAggregates(db: TradelineDatabase): Promise<MonthAggregate[]> {
  const all = await db.getAll('aggregates');
  return all.sort((a, b) => a.month.localeCompare(b.month) || a.platform.localeCompare(b.platform));
}

export async function readSettings(db: TradelineDatabase): Promise<Settings> {
  return (await db.get('settings', 'general')) ?? { reportingCurrency: 'USD', language: 'auto' };
}

export async function writeSettings(db: TradelineDatabase, settings: Settings): Promise<void> {
  await db.put('settings', settings, 'general');
}
