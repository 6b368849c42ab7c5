import type { IDBPTransaction } from 'idb';
import type { QuarantinedRecord } from '../domain/quarantine.ts';
import {
  type ImportRecord,
  type LedgerEntry,
  type MonthAggregate,
  Platform,
  type RecordChunk,
} from '../domain/records.ts';
import { addEntry, emptyAggregate } from './aggregate.ts';
import { chunkOf } from './chunk-columns.ts';
import { storedKeysOf, storedKeysProblem } from './dedupe-keys.ts';
import { markDedupeWritten } from './dedupe-revision.ts';
import { CHUNK_SIZE, type TradelineDB } from './schema.ts';

/**
 * Cheap structural checks of what is read back from the `chunks` and `dedupe` stores. A full zod
 * parse of every record costs more than the profile (see docs/security.md §5); these look only at
 * the shape and at the fields storage itself uses (key, platform, date and month, import id, kind,
 * the amount and status that go into the monthly totals), so a damaged chunk is set aside instead
 * of breaking an import, a removal or an export, or poisoning the totals.
 */

const PLATFORMS: ReadonlySet<string> = new Set(Platform.options);
const AMOUNT_KINDS: ReadonlySet<string> = new Set([
  'refund',
  'fee',
  'payout',
  'chargeback',
  'reserve',
  'adjustment',
]);
const ORDER_STATUS: ReadonlySet<string> = new Set(['paid', 'pending', 'cancelled']);
const PAYOUT_STATUS: ReadonlySet<string> = new Set(['paid', 'pending', 'failed']);
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const CURRENCY = /^[A-Z]{3}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function moneyProblem(value: unknown): string | null {
  if (!isObject(value)) return 'amount missing';
  if (!Number.isSafeInteger(value.amount)) return 'amount is not an integer';
  if (typeof value.currency !== 'string' || !CURRENCY.test(value.currency)) return 'currency is not a code';
  return null;
}

/** What is wrong with one stored record of `platform` and `month` (null: usable). */
export function recordProblem(value: unknown, platform: string, month: string): string | null {
  if (!isObject(value)) return 'not a record';
  if (typeof value.key !== 'string' || value.key.length === 0) return 'key missing';
  if (value.platform !== platform) return 'platform does not match its chunk';
  if (typeof value.date !== 'string' || value.date.length !== 10 || !value.date.startsWith(month)) {
    return 'date is not in its chunk’s month';
  }
  if (typeof value.importId !== 'string' || value.importId.length !== 64) return 'import id missing';
  if (value.kind === 'order') {
    if (value.status !== undefined && !ORDER_STATUS.has(value.status as string))
      return 'unknown order status';
    return moneyProblem(value.gross);
  }
  if (typeof value.kind !== 'string' || !AMOUNT_KINDS.has(value.kind)) return 'unknown kind';
  if (value.kind === 'payout' && value.status !== undefined && !PAYOUT_STATUS.has(value.status as string)) {
    return 'unknown payout status';
  }
  return moneyProblem(value.amount);
}

/** What is wrong with a stored chunk under `key` (null: usable as a RecordChunk). */
export function chunkProblem(value: unknown, key: readonly [string, string, number]): string | null {
  if (!isObject(value)) return 'not a record chunk';
  const [platform, month, seq] = key;
  if (value.platform !== platform || !PLATFORMS.has(platform)) return 'platform does not match its key';
  if (value.month !== month || !MONTH.test(month)) return 'month does not match its key';
  if (value.seq !== seq) return 'sequence number does not match its key';
  if (typeof value.columnsProblem === 'string') return value.columnsProblem;
  const records = value.records;
  if (!Array.isArray(records)) return 'records missing';
  if (records.length > CHUNK_SIZE) return 'more records than a chunk holds';
  for (let i = 0; i < records.length; i++) {
    const problem = recordProblem(records[i], platform, month);
    if (problem) return `record ${i + 1}: ${problem}`;
  }
  return null;
}

/** What is wrong with a stored dedupe value under [platform, month] (null: usable). */
export function dedupeProblem(value: unknown, key: readonly [string, string]): string | null {
  if (!isObject(value)) return 'not a list of keys';
  if (value.platform !== key[0] || value.month !== key[1]) return 'platform or month does not match its key';
  return storedKeysProblem(value.keys);
}

/** Adds `delta` (totals of some records of the same month) to `into`, in place. */
export function mergeAggregate(into: MonthAggregate, delta: MonthAggregate): void {
  into.records += delta.records;
  into.orders += delta.orders;
  for (const field of [
    'grossSales',
    'refunds',
    'fees',
    'payouts',
    'chargebacks',
    'reserves',
    'adjustments',
  ] as const) {
    for (const [currency, amount] of Object.entries(delta[field])) {
      into[field][currency] = (into[field][currency] ?? 0) + amount;
    }
  }
  for (const date of delta.payoutDates) if (!into.payoutDates.includes(date)) into.payoutDates.push(date);
  if (delta.lastDate !== undefined && (into.lastDate === undefined || delta.lastDate > into.lastDate)) {
    into.lastDate = delta.lastDate;
  }
}

/** Imports whose totals are not in the `aggregates` store yet (their batches are still storing). */
export function storingIds(imports: readonly ImportRecord[]): Set<string> {
  return new Set(imports.filter((i) => i.state === 'storing').map((i) => i.id));
}

/**
 * The stored monthly totals of `records`: records of imports still storing are left out (their
 * totals are added when their last batch commits). Null when nothing counts.
 */
export function totalsOf(
  platform: Platform,
  month: string,
  records: readonly LedgerEntry[],
  storing: ReadonlySet<string>,
): MonthAggregate | null {
  const agg = emptyAggregate(platform, month);
  for (const entry of records) if (!storing.has(entry.importId)) addEntry(agg, entry);
  return agg.records > 0 ? agg : null;
}

type RepairStores = ('imports' | 'chunks' | 'dedupe' | 'aggregates' | 'quarantine' | 'revisions')[];
export type RepairTransaction = IDBPTransaction<TradelineDB, RepairStores, 'readwrite'>;

/**
 * The scope of every transaction that may rewrite a month (an import, a removal or rollback, a
 * repair): its dedupe keys change with a new revision token (dedupe-revision.ts).
 */
export const MONTH_WRITER_STORES: RepairStores = [
  'imports',
  'chunks',
  'dedupe',
  'aggregates',
  'quarantine',
  'revisions',
];

export interface MonthRepair {
  /** Chunks moved to quarantine, as the quarantine store now holds them (without their ids). */
  quarantined: Omit<QuarantinedRecord, 'id'>[];
  /** Every usable record of the month, in stored order. */
  records: LedgerEntry[];
  /** The usable chunks, in seq order. */
  chunks: RecordChunk[];
}

/** How the seller knows an import: the file's name, or the page's title or address. */
export function importLabel(imp: ImportRecord): string {
  const p = imp.provenance;
  return p.kind === 'file' ? p.name : (p.title ?? p.url);
}

function fileNames(imports: readonly ImportRecord[], ids: ReadonlySet<string>): string[] {
  return imports.filter((i) => ids.has(i.id)).map(importLabel);
}

/**
 * Reads every chunk of one platform-month, checking each. When any is damaged (or `force`, for a
 * damaged dedupe value), damaged chunks go to quarantine with the problem and the files to import
 * again, and the month's dedupe keys, totals and the pending totals of storing imports are
 * rebuilt from the usable records, so that totals stay the sum of the stored records and a
 * re-import of the named files restores exactly what was lost.
 */
export async function repairMonth(
  tx: RepairTransaction,
  platform: Platform,
  month: string,
  now: Date,
  force = false,
): Promise<MonthRepair> {
  const store = tx.objectStore('chunks');
  const range = IDBKeyRange.bound([platform, month, 0], [platform, month, Number.MAX_SAFE_INTEGER]);
  const [values, keys] = await Promise.all([store.getAll(range), store.getAllKeys(range)]);
  const chunks: RecordChunk[] = [];
  const bad: { key: [string, string, number]; value: unknown; problem: string }[] = [];
  values.forEach((stored: unknown, i) => {
    const key = keys[i] as [string, string, number];
    const value = chunkOf(stored);
    const problem = chunkProblem(value, key);
    // Set aside as it was stored.
    if (problem) bad.push({ key, value: stored, problem });
    else chunks.push(value as RecordChunk);
  });
  const records = chunks.flatMap((c) => c.records);
  if (bad.length === 0 && !force) return { quarantined: [], records, chunks };

  const imports = await tx.objectStore('imports').getAll();
  // Files whose records were in the damaged chunks (as far as they can still be read), else every
  // file of this platform that covers the month.
  const named = new Set<string>();
  for (const { value } of bad) {
    const list = isObject(value) && Array.isArray(value.records) ? value.records : [];
    for (const r of list) if (isObject(r) && typeof r.importId === 'string') named.add(r.importId);
  }
  const covering = imports
    .filter((i) => i.platform === platform && i.months.includes(month))
    .map((i) => i.id);
  const files = fileNames(imports, named.size > 0 ? named : new Set(covering));
  const again = files.length > 0 ? ` Import again: ${files.join(', ')}.` : '';
  const quarantined: Omit<QuarantinedRecord, 'id'>[] = [];
  for (const { key, value, problem } of bad) {
    const record: Omit<QuarantinedRecord, 'id'> = {
      store: 'chunks',
      key: key.join(' / '),
      problem: `${problem}.${again}`,
      quarantinedAt: now.toISOString(),
      value,
    };
    void tx.objectStore('quarantine').add(record as QuarantinedRecord);
    void tx.objectStore('chunks').delete(key);
    quarantined.push(record);
  }

  const storing = storingIds(imports);
  if (records.length > 0) void tx.objectStore('dedupe').put({ platform, month, keys: storedKeysOf(records) });
  else void tx.objectStore('dedupe').delete([platform, month]);
  markDedupeWritten(tx);
  const totals = totalsOf(platform, month, records, storing);
  if (totals) void tx.objectStore('aggregates').put(totals);
  else void tx.objectStore('aggregates').delete([platform, month]);
  // A storing import's pending totals of this month, from what is left of its records.
  for (const imp of imports) {
    if (imp.state !== 'storing' || !imp.pending?.some((p) => p.month === month)) continue;
    if (imp.platform !== platform) continue;
    const own = records.filter((r) => r.importId === imp.id);
    const mine = totalsOf(platform, month, own, new Set());
    const pending = imp.pending.filter((p) => p.month !== month);
    if (mine) pending.push(mine);
    void tx.objectStore('imports').put({ ...imp, pending });
  }
  if (bad.length > 0)
    console.warn(`Tradeline: ${bad.length} damaged record chunk(s) of ${platform} ${month} set aside.`);
  return { quarantined, records, chunks };
}
