import { addMonths } from '../domain/months.ts';
import type { QuarantinedRecord } from '../domain/quarantine.ts';
import type {
  DedupeKeys,
  ImportRecord,
  LedgerEntry,
  MonthAggregate,
  Platform,
  RecordChunk,
} from '../domain/records.ts';
import { addEntry, emptyAggregate } from './aggregate.ts';
import {
  chunkProblem,
  dedupeProblem,
  MONTH_WRITER_STORES,
  mergeAggregate,
  type RepairTransaction,
  repairMonth,
} from './chunk-check.ts';
import { chunkOf } from './chunk-columns.ts';
import { putChunk } from './chunk-put.ts';
import type { TradelineDatabase } from './db.ts';
import { appendStoredKeys, splitStoredKeys, storedKey, storedKeysOf } from './dedupe-keys.ts';
import { dedupeRevision, markDedupeWritten } from './dedupe-revision.ts';
import { storageError } from './errors.ts';
import { KeyIndex, keyHash, plainKeyHash } from './key-index.ts';
import { CHUNK_SIZE } from './schema.ts';

export interface ImportResult {
  importId: string;
  added: number;
  duplicates: number;
  months: string[];
}

type ImportMeta = Omit<
  ImportRecord,
  'added' | 'duplicates' | 'months' | 'platform' | 'state' | 'pending' | 'keysPending'
>;

/** Which batch of a file stored in several calls this is (absent: the whole import in one call). */
export interface BatchPosition {
  index: number;
  count: number;
}

interface Group {
  platform: Platform;
  month: string;
  entries: LedgerEntry[];
}

function groupByPlatformMonth(entries: readonly LedgerEntry[]): Group[] {
  const groups = new Map<string, Group>();
  let current: Group | undefined;
  for (const entry of entries) {
    // Files come in date order: a record mostly belongs to the group of the one before it.
    if (current?.platform !== entry.platform || !entry.date.startsWith(current.month)) {
      const month = entry.date.slice(0, 7);
      const id = `${entry.platform}|${month}`;
      current = groups.get(id);
      if (!current) {
        current = { platform: entry.platform, month, entries: [] };
        groups.set(id, current);
      }
    }
    current.entries.push(entry);
  }
  return [...groups.values()];
}

/**
 * Stores one import's records (or one batch of them) in a single transaction: records whose
 * dedupe key is already stored (from this file imported before, or an overlapping one) are
 * counted as duplicates and skipped; the rest are appended to the platform-month chunks. Either
 * everything of the call is stored or nothing is.
 *
 * A file stored in several calls (`batch`) is all or nothing as the seller sees it: until its
 * last batch commits the import is `storing` and its totals wait in the import record, so the
 * overview, profile and sources never count it; the last batch adds them to the monthly totals
 * and marks it `complete` in its own transaction. A storing import whose writer died is rolled
 * back (interrupted.ts).
 */
export async function importEntries(
  db: TradelineDatabase,
  meta: ImportMeta,
  platform: Platform,
  entries: readonly LedgerEntry[],
  batch?: BatchPosition,
  now: Date = new Date(),
): Promise<ImportResult> {
  for (let attempt = 0; ; attempt++) {
    const tx = db.transaction(MONTH_WRITER_STORES, 'readwrite');
    try {
      return await storeImport(tx, meta, platform, entries, batch, now);
    } catch (error) {
      // Whatever failed (a value that cannot be stored, a full disk), nothing of this call stays:
      // requests already queued in the transaction would otherwise commit when it ends.
      try {
        tx.abort();
      } catch {
        // already finished or aborted by the browser
      }
      await tx.done.catch(() => undefined);
      // Put ahead on key sets someone else changed meanwhile: done again, reading what is stored.
      if (error instanceof PutAheadOnStaleKeys && attempt === 0) continue;
      throw storageError(error);
    }
  }
}

class PutAheadOnStaleKeys extends Error {}

/** A month whose key set a call builds: read from the store, or rebuilt from its records. */
interface Unread {
  id: string;
  platform: Platform;
  month: string;
  rebuild: boolean;
}

/**
 * A request whose result is not awaited: if the transaction fails (at commit, possibly after the
 * call returned), the failure is reported once, by the transaction, not by each request.
 */
function queued(request: Promise<unknown>): void {
  request.catch(() => undefined);
}

/**
 * Commits of a file's batches that their call did not wait for (all but the last: see
 * storeImport), by import id. The file's next call, whose transaction starts only once that
 * commit is over, fails with its error if it failed: the file fails as a whole.
 */
const unconfirmed = new Map<string, Promise<unknown>>();

async function confirmEarlierBatch(importId: string): Promise<void> {
  const earlier = unconfirmed.get(importId);
  if (!earlier) return;
  unconfirmed.delete(importId);
  const failure = await earlier.then(
    () => undefined,
    (error: unknown) => error ?? new Error('aborted'),
  );
  if (failure === undefined) return;
  const reason = storageError(failure);
  throw Object.assign(
    new Error(`An earlier batch of this file was not stored: ${reason.message}`, { cause: failure }),
    {
      name: reason.name,
    },
  );
}

interface KeySet {
  platform: Platform;
  month: string;
  /** Every key of the month's stored records, as one key list (kept equal to `set`). */
  joined: string;
  set: KeyIndex;
  /**
   * The stored key list lacks some of `joined` (keys this call or this file added, or a list
   * rebuilt from the records): written when the file has left the month, or by its last batch.
   */
  unwritten: boolean;
}

/**
 * The key sets (and key lists) of the months the last successful call of this context used, with
 * the revision token its commit wrote. A file's batches come in date order, so the next batch
 * needs mostly the same months: it reuses them without reading the month's keys back, as long as
 * the stored token is still `token` (no other writer, in any context, changed any dedupe keys
 * since: dedupe-revision.ts). Reading a month's key list back cost megabytes per batch, about
 * as much as storing the batch's records (docs/performance.md). A call takes the sets out before
 * it uses them and leaves them here with the token its transaction writes (a file's batch before
 * its commit, any other call after it): the token is stored only if that transaction commits, so
 * a failed call's sets (holding keys that were never stored) are never reused, and two calls
 * never share one. A set marked `unwritten` holds keys the store does not have yet (a file's
 * month it is still filling, listed in its import's keysPending): the call that takes it writes
 * it once the file has left the month, even when it does not need the month itself.
 */
let recent:
  | {
      token: string;
      sets: Map<string, KeySet>;
      /** The import whose batch left these, and the seq after each month's last chunk it wrote. */
      importId: string;
      nextSeqs: Map<string, number>;
      /** Whether other storing imports had months pending (keysPending) at that call's reads. */
      othersPending: boolean;
    }
  | undefined;

function keySetOf(platform: Platform, month: string, joined: string, unwritten: boolean): KeySet {
  return { platform, month, joined, set: KeyIndex.of(splitStoredKeys(joined)), unwritten };
}

async function storeImport(
  tx: RepairTransaction,
  meta: ImportMeta,
  platform: Platform,
  entries: readonly LedgerEntry[],
  batch: BatchPosition | undefined,
  now: Date,
): Promise<ImportResult> {
  const chunks = tx.objectStore('chunks');
  const dedupe = tx.objectStore('dedupe');
  const aggregates = tx.objectStore('aggregates');
  const imports = tx.objectStore('imports');
  let added = 0;
  let duplicates = 0;
  const months = new Set<string>();
  const deltas = new Map<string, MonthAggregate>();
  const groups = groupByPlatformMonth(entries);
  // A batch of a file stored in several calls never reads a chunk back to top it up (tailOf).
  const severalCalls = (batch?.count ?? 1) > 1;

  if (batch?.index === 0) unconfirmed.delete(meta.id);
  const taken = recent;
  recent = undefined;
  const idOf = (platform: Platform, month: string) => `${tx.db.name}|${platform}|${month}`;
  // Dedupe keys of each platform-month the call needs: its months and their neighbours (the same
  // event can carry different dates in different formats: order date, charge date, settlement
  // posting).
  const wanted = new Map<string, [Platform, string]>();
  for (const { platform: p, month } of groups) {
    for (const m of [addMonths(month, -1), month, addMonths(month, 1)]) wanted.set(idOf(p, m), [p, m]);
  }
  const keySets = new Map<string, KeySet>();
  /** Seq after each month's last chunk (files stored in several calls: never read back to top up). */
  const seqs = new Map<string, number>();
  // A repair in this call may rewrite this import's pending totals: its record is read again then.
  let repaired = false;
  let revision: string | undefined;
  let storedEarly: ImportRecord | undefined;
  /** Sets of the last call not needed by this one: written here if their keys are not stored yet. */
  let leftovers: KeySet[] = [];
  let othersPending = false;

  /**
   * Builds the key sets of months not kept from the last call: read from the store, or, for a
   * month whose stored keys lack a storing import's (`rebuild`), rebuilt from its records. A
   * damaged stored list is set aside and rebuilt.
   */
  const keep = async (unread: Unread[], values: unknown[]) => {
    for (const [i, { id, platform: p, month, rebuild }] of unread.entries()) {
      if (rebuild) {
        const month_ = await repairMonth(tx, p, month, now);
        if (month_.quarantined.length > 0) repaired = true;
        keySets.set(id, keySetOf(p, month, storedKeysOf(month_.records), true));
        continue;
      }
      const stored = values[i];
      let joined: string;
      if (stored === undefined) joined = '';
      else if (dedupeProblem(stored, [p, month]) === null) joined = (stored as DedupeKeys).keys;
      else {
        // Damaged keys: rebuilt from the month's records (damaged chunks set aside with them).
        await quarantineValue(tx, 'dedupe', [p, month], stored, now);
        joined = storedKeysOf((await repairMonth(tx, p, month, now, true)).records);
        repaired = true;
      }
      keySets.set(id, keySetOf(p, month, joined, false));
    }
  };

  /**
   * Takes the wanted months' sets from `kept` (a last call's); returns the months left to build.
   * Its sets not wanted are left over, to be written if they hold keys not stored yet.
   */
  const reuse = (kept: Map<string, KeySet> | undefined, lagging?: ReadonlySet<string>) => {
    const unread: Unread[] = [];
    for (const [id, [p, month]] of wanted) {
      const set = kept?.get(id);
      if (set) keySets.set(id, set);
      else unread.push({ id, platform: p, month, rebuild: lagging?.has(id) ?? false });
    }
    leftovers = [...(kept?.values() ?? [])].filter(
      (set) => set.unwritten && !wanted.has(idOf(set.platform, set.month)),
    );
    return unread;
  };

  // The next batch of the file this context stored last is deduped and put against the key sets
  // and chunk seqs that batch left, before any read comes back, so that this work overlaps that
  // batch's commit (this transaction's first read waits for it). The reads then confirm it: if
  // someone else wrote dedupe keys since (or that batch failed), this transaction is aborted
  // before it commits and the call done again from what is stored. What that batch did not leave
  // (a month further on) is asked for at once with the confirmation, and awaited where needed.
  // Not while other storing imports have keys pending: months of theirs are rebuilt, not read.
  const ahead =
    severalCalls && (batch?.index ?? 0) > 0 && taken?.importId === meta.id && !taken.othersPending
      ? taken
      : undefined;
  let confirmed: Promise<[string | undefined, ImportRecord | undefined]> | undefined;
  let rest: (() => Promise<void>) | undefined;
  if (ahead) {
    confirmed = Promise.all([dedupeRevision(tx), imports.get(meta.id)]);
    confirmed.catch(() => undefined);
    const unread = reuse(ahead.sets);
    const unseq = groups.filter((g) => !ahead.nextSeqs.has(idOf(g.platform, g.month)));
    for (const g of groups) {
      const seq = ahead.nextSeqs.get(idOf(g.platform, g.month));
      if (seq !== undefined) seqs.set(idOf(g.platform, g.month), seq);
    }
    if (unread.length > 0 || unseq.length > 0) {
      const values = Promise.all(unread.map((u) => dedupe.get([u.platform, u.month])));
      const found = Promise.all(unseq.map((g) => nextSeqOf(tx, g.platform, g.month)));
      // Awaited below unless a put fails first (the transaction is aborted then).
      values.catch(() => undefined);
      found.catch(() => undefined);
      let loading: Promise<void> | undefined;
      rest = () => {
        loading ??= Promise.all([values, found]).then(async ([v, f]) => {
          for (const [i, g] of unseq.entries()) seqs.set(idOf(g.platform, g.month), f[i] ?? 0);
          await keep(unread, v);
        });
        return loading;
      };
    }
  } else {
    // What the call reads is asked for at once, before any record is put: each request awaited on
    // its own is a round trip to the browser's IndexedDB, and one made after a put also waits for
    // the browser to take in that put's megabytes. The last call's key sets are reused if no one
    // wrote dedupe keys since (read inside this transaction, which no other writer can interleave with).
    let found: number[] | undefined;
    let storingNow: ImportRecord[];
    [revision, storedEarly, found, storingNow] = await Promise.all([
      dedupeRevision(tx),
      imports.get(meta.id),
      severalCalls ? Promise.all(groups.map((g) => nextSeqOf(tx, g.platform, g.month))) : undefined,
      imports.index('byState').getAll('storing'),
    ]);
    await confirmEarlierBatch(meta.id);
    for (const [i, g] of groups.entries()) if (found) seqs.set(idOf(g.platform, g.month), found[i] ?? 0);
    const valid = taken && revision !== undefined && taken.token === revision ? taken.sets : undefined;
    // Months whose stored keys lack keys of a storing import (keysPending) are rebuilt from their
    // records, unless this context holds their sets: another file's, or this file's own when
    // another writer came between its batches. This file's own are also written by this call.
    const lagging = new Set<string>();
    const own: [string, [Platform, string]][] = [];
    for (const imp of storingNow) {
      for (const month of imp.keysPending ?? []) {
        const id = idOf(imp.platform, month);
        if (valid?.has(id)) continue;
        lagging.add(id);
        if (imp.id === meta.id) own.push([id, [imp.platform, month]]);
        else othersPending = true;
      }
    }
    for (const [id, key] of own) if (!wanted.has(id)) wanted.set(id, key);
    const unread = reuse(valid, lagging);
    await keep(
      unread,
      await Promise.all(unread.map((u) => (u.rebuild ? undefined : dedupe.get([u.platform, u.month])))),
    );
  }
  const keysOf = (p: Platform, month: string): KeySet => {
    const found = keySets.get(idOf(p, month));
    if (!found) throw new Error(`Tradeline: the keys of ${p} ${month} were not read.`);
    return found;
  };

  const nextSeqs = new Map<string, number>();
  for (const { platform: groupPlatform, month, entries: group } of groups) {
    months.add(month);
    const id = idOf(groupPlatform, month);
    const neighbours = [
      idOf(groupPlatform, addMonths(month, -1)),
      id,
      idOf(groupPlatform, addMonths(month, 1)),
    ];
    if (rest && (!seqs.has(id) || neighbours.some((n) => !keySets.has(n)))) await rest();
    const topUp = !severalCalls && group.length < CHUNK_SIZE;
    let tail: Tail & { rebuilt?: string } = severalCalls
      ? { nextSeq: seqs.get(id) ?? 0 }
      : await tailOf(tx, groupPlatform, month, topUp, now);
    nextSeqs.set(id, tail.nextSeq);
    // A repair rewrote the month's keys: dedupe against those (not a set read before it).
    if (tail.rebuilt !== undefined) {
      keySets.set(id, keySetOf(groupPlatform, month, tail.rebuilt, false));
      repaired = true;
    }
    const own = keysOf(groupPlatform, month);
    const before = keysOf(groupPlatform, addMonths(month, -1));
    const after = keysOf(groupPlatform, addMonths(month, 1));
    const fresh: LedgerEntry[] = [];
    const freshKeys: string[] = [];
    for (const entry of group) {
      let key = entry.key;
      let hash = plainKeyHash(key);
      if (hash < 0) {
        key = storedKey(key);
        hash = keyHash(key);
      }
      if (own.set.has(key, hash) || before.set.has(key, hash) || after.set.has(key, hash)) {
        duplicates += 1;
        continue;
      }
      own.set.add(key, hash);
      freshKeys.push(key);
      fresh.push(entry);
    }
    if (fresh.length === 0) continue;
    added += fresh.length;
    // A large batch that was mostly duplicates (a file imported again with a few new records)
    // still tops up the last chunk, so that chunks stay full.
    if (!severalCalls && !tail.chunk && tail.nextSeq > 0 && fresh.length < CHUNK_SIZE) {
      tail = await lastToTopUp(tx, groupPlatform, month, tail.nextSeq - 1);
    }
    // Chunks first: a record that cannot be stored throws here, before anything else of this
    // month is queued (queued requests would be aborted with the transaction, unhandled).
    const written = chunksFor(groupPlatform, month, tail, fresh);
    for (const chunk of written) queued(putChunk(chunks, chunk));
    nextSeqs.set(id, (written.at(-1)?.seq ?? tail.nextSeq - 1) + 1);
    own.joined = appendStoredKeys(own.joined, freshKeys);
    own.unwritten = true;

    const delta = emptyAggregate(groupPlatform, month);
    for (const entry of fresh) addEntry(delta, entry);
    deltas.set(month, delta);
  }

  if (confirmed && ahead) {
    [revision, storedEarly] = await confirmed;
    await confirmEarlierBatch(meta.id);
    if (revision !== ahead.token) throw new PutAheadOnStaleKeys();
  }
  const stored = repaired ? await imports.get(meta.id) : storedEarly;
  // An interrupted import's record is only its notice: this file starts afresh.
  const previous = stored?.state === 'interrupted' ? undefined : stored;
  const wasStoring = previous?.state === 'storing';
  const last = !batch || batch.index >= batch.count - 1;
  // A re-import of a complete file that adds nothing keeps it complete (a crash then loses nothing).
  const storing = !last && (wasStoring || added > 0);
  const pending = new Map((previous?.pending ?? []).map((p) => [p.month, p]));
  for (const [month, delta] of deltas) {
    const into = pending.get(month);
    if (into) mergeAggregate(into, delta);
    else pending.set(month, delta);
  }
  if (!storing) {
    // The file is complete: its totals (all batches') count from this transaction on.
    for (const [month, delta] of pending) {
      const stored = await aggregates.get([platform, month]);
      const agg = stored ?? emptyAggregate(platform, month);
      mergeAggregate(agg, delta);
      queued(aggregates.put(agg));
    }
  }
  const record: ImportRecord = {
    ...meta,
    platform,
    added: added + (previous?.added ?? 0),
    // Batches of one file arrive as several calls with the same import id: counts add up.
    duplicates: duplicates + (previous?.duplicates ?? 0),
    months: [...new Set([...(previous?.months ?? []), ...months])].sort(),
    state: storing ? 'storing' : 'complete',
    ...(storing ? { pending: [...pending.values()] } : {}),
  };
  // A month's keys are written once the file has left it (or by the file's last call): a batch
  // that rewrote its months' whole key lists wrote each key about twice (docs/performance.md).
  // Until then the month is in the import's keysPending, which every other writer rebuilds.
  const filling = new Set(storing ? groups.map((g) => idOf(g.platform, g.month)) : []);
  const keysPending: string[] = [];
  for (const set of [...keySets.values(), ...leftovers]) {
    if (!set.unwritten) continue;
    if (filling.has(idOf(set.platform, set.month))) {
      keysPending.push(set.month);
      continue;
    }
    if (set.joined === '') queued(dedupe.delete([set.platform, set.month]));
    else queued(dedupe.put({ platform: set.platform, month: set.month, keys: set.joined }));
    set.unwritten = false;
  }
  if (keysPending.length > 0) record.keysPending = keysPending.sort();
  queued(imports.put(record));
  const token = markDedupeWritten(tx);
  const result = { importId: meta.id, added, duplicates, months: [...months].sort() };
  // A file's batches before its last do not wait for their commit: the next batch's work overlaps
  // it (see `ahead`), and its transaction confirms it. The sets are left for the next call now,
  // under the token this transaction writes: they are reused only if it committed.
  if (storing) {
    recent = { token, sets: keySets, importId: meta.id, nextSeqs, othersPending };
    const done = tx.done;
    done.catch(() => undefined);
    unconfirmed.set(meta.id, done);
    return result;
  }
  await tx.done;
  recent = { token, sets: keySets, importId: meta.id, nextSeqs, othersPending };
  return result;
}

/** Moves one damaged value to quarantine inside the caller's transaction. */
async function quarantineValue(
  tx: RepairTransaction,
  store: 'dedupe',
  key: [string, string],
  value: unknown,
  now: Date,
): Promise<void> {
  const record: Omit<QuarantinedRecord, 'id'> = {
    store,
    key: key.join(' / '),
    problem: `${dedupeProblem(value, key)}; rebuilt from the stored records.`,
    quarantinedAt: now.toISOString(),
    value,
  };
  void tx.objectStore('quarantine').add(record as QuarantinedRecord);
  await tx.objectStore(store).delete(key);
}

/** Where a platform-month's new records go: after `seq`, or into `chunk` while it has room. */
interface Tail {
  chunk?: RecordChunk;
  nextSeq: number;
}

/**
 * The month's last chunk. A small addition (`topUp`: a dashboard page read) tops up the last
 * chunk, so that chunks stay full: that chunk is read, and checked first; a damaged one is set
 * aside (the month's keys and totals rebuilt from the rest, `rebuilt`) before deduping, so its
 * records can be stored again. A large one (a chunk or more), and any batch of a file stored in
 * several calls (a large file: a few more chunks not quite full), starts new chunks after it instead, reading only its key: re-reading and
 * rewriting a chunk of up to CHUNK_SIZE records on every batch cost as much as storing a fifth of
 * the batch, and a file's last batches (its refunds, spread over every month) read and rewrote
 * one full chunk per month in one transaction: the import worker's largest burst of memory (see
 * docs/performance.md). A chunk not read here is checked whenever it is read (export, removal,
 * rollback, a later small import).
 */
async function tailOf(
  tx: RepairTransaction,
  platform: Platform,
  month: string,
  topUp: boolean,
  now: Date,
): Promise<Tail & { rebuilt?: string }> {
  if (!topUp) return { nextSeq: await nextSeqOf(tx, platform, month) };
  const chunks = tx.objectStore('chunks');
  const last = await chunks.openCursor(monthRange(platform, month), 'prev');
  if (!last) return { nextSeq: 0 };
  const value = chunkOf(last.value);
  if (chunkProblem(value, last.key) === null) {
    const chunk = value as RecordChunk;
    return { chunk, nextSeq: chunk.seq + 1 };
  }
  const repaired = await repairMonth(tx, platform, month, now);
  const previous = repaired.chunks.at(-1);
  return {
    ...(previous ? { chunk: previous } : {}),
    // Possibly the damaged chunk's seq: the put is queued after its delete, so it stays.
    nextSeq: (previous?.seq ?? -1) + 1,
    rebuilt: storedKeysOf(repaired.records),
  };
}

function monthRange(platform: Platform, month: string): IDBKeyRange {
  return IDBKeyRange.bound([platform, month, 0], [platform, month, Number.MAX_SAFE_INTEGER]);
}

/** The seq after the month's last chunk, from its key alone (the chunk itself is not read). */
async function nextSeqOf(tx: RepairTransaction, platform: Platform, month: string): Promise<number> {
  const last = await tx.objectStore('chunks').openKeyCursor(monthRange(platform, month), 'prev');
  return last ? last.key[2] + 1 : 0;
}

/**
 * The month's last chunk (`seq`), read after deduping: topped up if usable. A damaged one is left
 * where it is (this call already deduped against its keys) and set aside when next read.
 */
async function lastToTopUp(
  tx: RepairTransaction,
  platform: Platform,
  month: string,
  seq: number,
): Promise<Tail> {
  const value = chunkOf(await tx.objectStore('chunks').get([platform, month, seq]));
  const usable = value !== undefined && chunkProblem(value, [platform, month, seq]) === null;
  return usable ? { chunk: value as RecordChunk, nextSeq: seq + 1 } : { nextSeq: seq + 1 };
}

/** The chunks that store `fresh`, a platform-month's new records, after `tail`. */
function chunksFor(
  platform: Platform,
  month: string,
  tail: Tail,
  fresh: readonly LedgerEntry[],
): RecordChunk[] {
  const out: RecordChunk[] = [];
  let offset = 0;
  let nextSeq = tail.nextSeq;
  const chunk = tail.chunk;
  if (chunk && chunk.records.length < CHUNK_SIZE) {
    const take = Math.min(CHUNK_SIZE - chunk.records.length, fresh.length);
    chunk.records.push(...fresh.slice(0, take));
    out.push(chunk);
    offset = take;
  }
  while (offset < fresh.length) {
    out.push({ platform, month, seq: nextSeq, records: fresh.slice(offset, offset + CHUNK_SIZE) });
    nextSeq += 1;
    offset += CHUNK_SIZE;
  }
  return out;
}

/** Every stored record of one platform and month, in import order. */
export async function readMonth(
  db: TradelineDatabase,
  platform: Platform,
  month: string,
): Promise<LedgerEntry[]> {
  const chunks = await db.getAll(
    'chunks',
    IDBKeyRange.bound([platform, month, 0], [platform, month, Number.MAX_SAFE_INTEGER]),
  );
  return chunks.flatMap((stored) => {
    const records = (chunkOf(stored) as { records?: unknown }).records;
    return Array.isArray(records) ? (records as LedgerEntry[]) : [];
  });
}
