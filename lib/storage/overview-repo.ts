import { ImportRecord, MonthAggregate, Settings } from '../domain/records.ts';
import type { TradelineDatabase } from './db.ts';
import { quarantine, readValid } from './quarantine.ts';

const DEFAULT_SETTINGS: Settings = { reportingCurrency: 'USD', language: 'auto' };

/**
 * The seller's sources, newest first: complete imports only (one still storing its batches, or
 * rolled back after an interruption, counts nowhere).
 */
export async function listImports(db: TradelineDatabase): Promise<ImportRecord[]> {
  return completeImports(await readValid(db, 'imports', ImportRecord));
}

/** `listImports` of import records already read. */
export function completeImports(all: readonly ImportRecord[]): ImportRecord[] {
  return all
    .filter((i) => i.state === undefined || i.state === 'complete')
    .sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}

/** Imports rolled back after an interruption, newest first (the options page's notices). */
export async function listInterrupted(db: TradelineDatabase): Promise<ImportRecord[]> {
  return interruptedImports(await readValid(db, 'imports', ImportRecord));
}

/** `listInterrupted` of import records already read. */
export function interruptedImports(all: readonly ImportRecord[]): ImportRecord[] {
  return all
    .filter((i) => i.state === 'interrupted')
    .sort((a, b) => (b.interruptedAt ?? '').localeCompare(a.interruptedAt ?? ''));
}

/** Monthly totals of every platform, months ascending. Small: one value per platform-month. */
export async function listAggregates(db: TradelineDatabase): Promise<MonthAggregate[]> {
  const all = await readValid(db, 'aggregates', MonthAggregate);
  return all.sort((a, b) => a.month.localeCompare(b.month) || a.platform.localeCompare(b.platform));
}

/** The settings; damaged ones are quarantined and the defaults used until the seller saves again. */
export async function readSettings(db: TradelineDatabase): Promise<Settings> {
  const stored: unknown = await db.get('settings', 'general');
  if (stored === undefined) return DEFAULT_SETTINGS;
  const parsed = Settings.safeParse(stored);
  if (parsed.success) return parsed.data;
  await quarantine(db, 'settings', ['general'], Settings, new Date());
  return DEFAULT_SETTINGS;
}

export async function writeSettings(db: TradelineDatabase, settings: Settings): Promise<void> {
  await db.put('settings', settings, 'general');
}
