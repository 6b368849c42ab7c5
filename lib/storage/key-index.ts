/**
 * The dedupe keys of one platform-month as a lookup table: an open-addressing table of key
 * hashes computed here, next to the keys. A `Set<string>` asks V8 to hash each string the first
 * time it meets it, and every key of an import is met for the first time: the records arrive as
 * a worker's or a content script's message, new strings. In Chromium that first hash cost about
 * 0.55 µs per key, half a second per million records (docs/performance.md); hashing the key's
 * characters here costs a fraction of that, and probing a typed array needs no call into V8's
 * runtime at all. Exact: a key is found only when an equal key is stored, never by its hash alone.
 */
export class KeyIndex {
  /** Per slot: 0 when empty, else the key's hash + 1. */
  private hashes = new Int32Array(64);
  private keys: string[] = new Array<string>(64).fill('');
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
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    const stored = hash + 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const h = hashes[i];
      if (h === 0) return false;
      if (h === stored && this.keys[i] === key) return true;
    }
  }

  /** Adds `key`, which the caller checked is not in the index yet (`has`). */
  add(key: string, hash: number): void {
    // At most half full: probes stay short.
    if ((this.count + 1) * 2 > this.hashes.length) this.grow();
    this.place(key, hash + 1);
    this.count += 1;
  }

  private place(key: string, stored: number): void {
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    let i = (stored - 1) & mask;
    while (hashes[i] !== 0) i = (i + 1) & mask;
    hashes[i] = stored;
    this.keys[i] = key;
  }

  private grow(): void {
    const hashes = this.hashes;
    const keys = this.keys;
    this.hashes = new Int32Array(hashes.length * 2);
    this.keys = new Array<string>(hashes.length * 2).fill('');
    for (let i = 0; i < hashes.length; i++) {
      const stored = hashes[i] ?? 0;
      if (stored !== 0) this.place(keys[i] ?? '', stored);
    }
  }
}

/** Mixes FNV-1a's state so that its low bits, which pick a slot, depend on every character. */
function finish(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x45d9f3b);
  x ^= x >>> 16;
  return x & 0x3fffffff;
}

/**
 * FNV-1a over the key's UTF-16 code units, mixed and cut to 30 bits. Different keys may share a
 * hash: KeyIndex then compares the keys themselves.
 */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return finish(h);
}

/**
 * keyHash of a key that is stored as it is (no line break or backslash to escape: dedupe-keys.ts
 * storedKey), found in the same pass over its characters; -1 for a key that needs escaping.
 */
export function plainKeyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 10 || c === 92) return -1;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return finish(h);
}
