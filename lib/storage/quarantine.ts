import type { StoreValue } from 'idb';
import type { z } from 'zod';
import type { CheckedStore, QuarantinedRecord } from '../domain/quarantine.ts';
import type { TradelineDatabase } from './db.ts';
import type { TradelineDB } from './schema.ts';

/** Stores read back through `readValid` (every value is parsed before anyone uses it). */
export type ValidatedStore = Extract<CheckedStore, 'imports' | 'aggregates' | 'applications' | 'channels'>;

/** What is wrong with a value, in one line a seller can pass on (the first few zod issues). */
export function problemOf(error: z.ZodError): string {
  const text = error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

function keyText(key: IDBValidKey): string {
  return Array.isArray(key) ? key.map((k) => String(k)).join(' / ') : String(key);
}

/**
 * Moves values that fail `schema` from `store` to the quarantine store, in one transaction.
 * Each is checked again inside it, so a value rewritten meanwhile (and now valid) stays.
 */
export async function quarantine(
  db: TradelineDatabase,
  store: CheckedStore,
  keys: readonly IDBValidKey[],
  schema: z.ZodType,
  now: Date,
): Promise<number> {
  const tx = db.transaction([store, 'quarantine'], 'readwrite');
  const source = tx.objectStore(store);
  const aside = tx.objectStore('quarantine');
  let moved = 0;
  for (const key of keys) {
    const value: unknown = await source.get(key as never);
    if (value === undefined) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) continue;
    const record: Omit<QuarantinedRecord, 'id'> = {
      store,
      key: keyText(key),
      problem: problemOf(parsed.error),
      quarantinedAt: now.toISOString(),
      value,
    };
    void aside.add(record as QuarantinedRecord);
    void source.delete(key as never);
    moved += 1;
  }
  await tx.done;
  if (moved > 0) console.warn(`Tradeline: ${moved} damaged value(s) of "${store}" set aside.`);
  return moved;
}

/**
 * Every value of a store that parses; the others are quarantined (moved aside and reported on
 * the options page) so that one damaged record never breaks the overview, profile or outbox.
 */
export async function readValid<N extends ValidatedStore>(
  db: TradelineDatabase,
  store: N,
  schema: z.ZodType<StoreValue<TradelineDB, N>>,
  now: () => Date = () => new Date(),
): Promise<StoreValue<TradelineDB, N>[]> {
  const tx = db.transaction(store);
  const [values, keys] = await Promise.all([tx.store.getAll(), tx.store.getAllKeys()]);
  await tx.done;
  const good: StoreValue<TradelineDB, N>[] = [];
  const bad: IDBValidKey[] = [];
  values.forEach((value, i) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) good.push(parsed.data);
    else bad.push(keys[i] as IDBValidKey);
  });
  if (bad.length > 0) await quarantine(db, store, bad, schema, now());
  return good;
}

/** What was set aside, newest first, without the values themselves. */
export async function listQuarantine(db: TradelineDatabase): Promise<Omit<QuarantinedRecord, 'value'>[]> {
  const all = await db.getAll('quarantine');
  return all
    .map(({ id, store, key, problem, quarantinedAt }) => ({ id, store, key, problem, quarantinedAt }))
    .sort((a, b) => b.id - a.id);
}
