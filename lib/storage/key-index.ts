import { appendStoredKeys } from './dedupe-keys.ts';

/**
 * FNV-1a over the key's UTF-16 code units, cut to 30 bits: enough to find the few entries to
 * compare, and always a small integer to V8 (a 32-bit hash would be a heap number half the time).
 */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

const NEWLINE = 10;

/**
 * A platform-month's stored key list (dedupe-keys.ts) with what dedupe asks of it: is this stored
 * key there, add these. Indexed without a string per key: a map from each entry's hash to where it
 * starts in the list, and a hit is confirmed by comparing the list there. A Set of the keys held
 * each key's string (about 90 bytes with its slot) for every month a file's batches touch, and
 * building it split the list into tens of thousands of strings per month: most of what the import
 * worker kept alive between batches, and with it how much garbage V8 let pile up before
 * collecting (docs/performance.md, "Issue 10, fourth round").
 */
export class KeyIndex {
  /** The stored key list the index stands for (what was read, plus what was appended). */
  joined: string;
  /** Entry hash → its start in `joined` (several starts when hashes collide). */
  private readonly starts = new Map<number, number | number[]>();
  /** Keys added and not yet appended (`appendAdded`): looked up exactly. */
  private readonly added = new Set<string>();
  /** The same in order, with their hashes (two arrays: no object per key). */
  private addedKeys: string[] = [];
  private addedHashes: number[] = [];

  constructor(joined: string) {
    this.joined = joined;
    let start = 0;
    while (start < joined.length) {
      let end = joined.indexOf('\n', start);
      if (end === -1) end = joined.length;
      let h = 0x811c9dc5;
      for (let i = start; i < end; i++) h = Math.imul(h ^ joined.charCodeAt(i), 0x01000193);
      this.index(h & 0x3fffffff, start);
      start = end + 1;
    }
  }

  private index(hash: number, start: number): void {
    const found = this.starts.get(hash);
    if (found === undefined) this.starts.set(hash, start);
    else if (typeof found === 'number') this.starts.set(hash, [found, start]);
    else found.push(start);
  }

  private entryAt(start: number, key: string): boolean {
    const end = start + key.length;
    return (
      (end === this.joined.length || this.joined.charCodeAt(end) === NEWLINE) &&
      this.joined.startsWith(key, start)
    );
  }

  /** Whether the stored key (storedKey) is in the list or was added; `hash` is keyHash(key). */
  has(key: string, hash: number): boolean {
    const found = this.starts.get(hash);
    if (found !== undefined) {
      if (typeof found === 'number') {
        if (this.entryAt(found, key)) return true;
      } else if (found.some((start) => this.entryAt(start, key))) return true;
    }
    return this.added.size > 0 && this.added.has(key);
  }

  /** Adds a stored key (not in the list yet) to be appended by appendAdded. */
  add(key: string, hash: number): void {
    this.added.add(key);
    this.addedKeys.push(key);
    this.addedHashes.push(hash);
  }

  /** Appends the keys added, in their order, to `joined` (and indexes them); returns the new list. */
  appendAdded(): string {
    const keys = this.addedKeys;
    if (keys.length === 0) return this.joined;
    let start = this.joined === '' ? 0 : this.joined.length + 1;
    this.joined = appendStoredKeys(this.joined, keys);
    for (let i = 0; i < keys.length; i++) {
      this.index(this.addedHashes[i] as number, start);
      start += (keys[i] as string).length + 1;
    }
    this.added.clear();
    this.addedKeys = [];
    this.addedHashes = [];
    return this.joined;
  }
}
