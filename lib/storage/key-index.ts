/**
 * The dedupe keys of one platform-month as a lookup table: keys by a hash computed here. A
 * `Set<string>` asks V8 to hash each string the first time it meets it, and every key of an
 * import is met for the first time: the records arrive as a worker's or a content script's
 * message, new strings. In Chromium that first hash cost about 0.55 µs per key, half a second
 * per million records (docs/performance.md), where hashing the key's characters here costs a
 * third of that, and a table keyed by small integers is hashed without a call into V8's runtime.
 * Exact: a key is found only when an equal key is stored, never by its hash alone.
 */
export class KeyIndex {
  private readonly byHash = new Map<number, string | string[]>();
  private count = 0;

  /** Indexes the given stored keys (from dedupe-keys.ts splitStoredKeys). */
  static of(keys: readonly string[]): KeyIndex {
    const index = new KeyIndex();
    for (const key of keys) {
      const hash = keyHash(key);
      if (!index.has(key, hash)) index.add(key, hash);
    }
    return index;
  }

  get size(): number {
    return this.count;
  }

  /** Whether `key` (whose keyHash is `hash`) is in the index. */
  has(key: string, hash: number): boolean {
    const found = this.byHash.get(hash);
    if (found === undefined) return false;
    return typeof found === 'string' ? found === key : found.includes(key);
  }

  /** Adds `key`, which the caller checked is not in the index yet (`has`). */
  add(key: string, hash: number): void {
    const found = this.byHash.get(hash);
    if (found === undefined) this.byHash.set(hash, key);
    else if (typeof found === 'string') this.byHash.set(hash, [found, key]);
    else found.push(key);
    this.count += 1;
  }
}

/**
 * FNV-1a over the key's UTF-16 code units, folded to 30 bits so that it stays a small integer
 * (V8 keeps it unboxed and hashes it inline). Different keys may share a hash: KeyIndex then
 * compares the keys themselves.
 */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 30)) & 0x3fffffff;
}
