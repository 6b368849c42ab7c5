/**
 * A platform-month's dedupe keys are stored as one string, the keys joined by line breaks
 * (migration 009). One string is cloned into and out of IndexedDB as a single copy; an array of
 * tens of thousands of strings was cloned key by key on every batch of every import.
 *
 * Keys come from report cells and could, in principle, hold a line break: such a key is escaped
 * (`\` → `\\`, line break → `\n`) so that joining stays exact. Escaping is one-to-one, so escaped
 * keys can be compared with each other directly; only keys that need it pay for it.
 */
const SEPARATOR = '\n';

/** The key as it sits in a stored key list. */
export function storedKey(key: string): string {
  if (!key.includes(SEPARATOR) && !key.includes('\\')) return key;
  return key.replaceAll('\\', '\\\\').replaceAll(SEPARATOR, '\\n');
}

/** The key a stored entry stands for (inverse of storedKey). */
export function originalKey(stored: string): string {
  if (!stored.includes('\\')) return stored;
  return stored.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? SEPARATOR : '\\'));
}

/** The stored entries of a key list, in their order ('' is the empty list: keys are never empty). */
export function splitStoredKeys(joined: string): string[] {
  return joined === '' ? [] : joined.split(SEPARATOR);
}

/** Joins stored entries (from storedKey) into one key list. */
export function joinStoredKeys(stored: readonly string[]): string {
  return stored.join(SEPARATOR);
}

/** A stored key list with more stored entries appended. */
export function appendStoredKeys(joined: string, more: readonly string[]): string {
  if (more.length === 0) return joined;
  const tail = joinStoredKeys(more);
  return joined === '' ? tail : joined + SEPARATOR + tail;
}

/** The original keys of a stored key list, in their order. */
export function keysOf(joined: string): string[] {
  return splitStoredKeys(joined).map(originalKey);
}

/** The stored key list of `records`, in their order (what a month's records are deduped against). */
export function storedKeysOf(records: readonly { key: string }[]): string {
  return joinStoredKeys(records.map((r) => storedKey(r.key)));
}

/**
 * What is wrong with the shape of a stored key list (null: usable). Every entry is non-empty and
 * a backslash only starts `\\` or `\n`; anything else (an array from before the migration, an
 * empty entry, a broken escape) cannot have been written by storage.
 */
export function storedKeysProblem(joined: unknown): string | null {
  if (typeof joined !== 'string') return 'keys are not one text';
  if (joined === '') return null;
  if (joined.startsWith(SEPARATOR) || joined.endsWith(SEPARATOR) || joined.includes(SEPARATOR + SEPARATOR)) {
    return 'an empty key';
  }
  if (!joined.includes('\\')) return null;
  for (const [pair] of joined.matchAll(/\\[\s\S]?/g)) {
    if (pair !== '\\\\' && pair !== '\\n') return 'a broken escape';
  }
  return null;
}
