/**
 * An exact set of strings, numbered in the order they were added (0, 1, 2…), for the millions of
 * keys one large file brings: the ledger's dedupe keys, a reader's order ids.
 *
 * A JS Set or Map of that many fresh strings spends much of its time in the garbage collector
 * (every key is a young object that must be copied into the old generation, then traced at every
 * major collection) and holds twice the memory. This one keeps the keys' characters in a few
 * large byte blocks and each slot's hash beside it, so the collector sees a handful of objects
 * and a probe reads one cache line. It is exact: a key is found only if its characters are all
 * equal; hashes only narrow the search.
 */
export class StringIndex {
  /**
   * Open addressing, linear probing. Slot `i` is `table[2i]`, the key's number + 1 (0: empty), and
   * `table[2i + 1]`, its hash: side by side, so that a probe reads one cache line.
   */
  private table: Int32Array;
  private mask: number;
  /** Per key: its block, its offset in the block, and its shape (`length * 4 + units`). */
  private blockOf: Int32Array;
  private offsetOf: Int32Array;
  private shapeOf: Int32Array;
  private readonly blocks: Uint8Array[] = [new Uint8Array(BLOCK_BYTES)];
  /** Per block: bytes used, once the next block is started (the last block's is `used`). */
  private readonly blockEnds: number[] = [];
  /** Per block: false once a key that is not all ASCII was stored in it. */
  private readonly blockAscii: boolean[] = [true];
  /** The last block read back whole, as text, and which block it is (see `keyAt`). */
  private blockText = '';
  private blockTextOf = -1;
  private used = 0;
  private count = 0;
  /** Set by `hash`: the widest code unit of the last key hashed (ASCII, LATIN1 or WIDE). */
  private units = ASCII;

  /**
   * `expectedKeys`: room for that many keys from the start, when the caller knows about how many
   * will come (growing rehashes every key, a cache miss each, at every doubling).
   */
  constructor(expectedKeys = 0) {
    let slots = INITIAL_SLOTS;
    while (slots < 2 * expectedKeys) slots *= 2;
    this.table = new Int32Array(2 * slots);
    this.mask = slots - 1;
    const keys = Math.max(INITIAL_KEYS, expectedKeys);
    this.blockOf = new Int32Array(keys);
    this.offsetOf = new Int32Array(keys);
    this.shapeOf = new Int32Array(keys);
  }

  /** Number of keys. */
  get size(): number {
    return this.count;
  }

  /** The key's number, or -1 when it is not in the index. */
  find(key: string): number {
    const hash = this.hash(key);
    const shape = key.length * 4 + this.units;
    const table = this.table;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = table[2 * slot] as number;
      if (entry === 0) return -1;
      if (table[2 * slot + 1] === hash && this.equals(entry - 1, key, shape)) return entry - 1;
    }
  }

  /** The key's number, adding the key (numbered `size`) when it is not in the index yet. */
  add(key: string): number {
    // Hashing and copying in one pass over the key: its characters are written (one byte each)
    // past the end of the current block while they are hashed, and kept only if the key is new.
    const length = key.length;
    let block = this.blocks[this.blocks.length - 1] as Uint8Array;
    if (this.used + length > block.length) {
      block = new Uint8Array(Math.max(BLOCK_BYTES, 2 * length));
      this.startBlock(block);
    }
    const offset = this.used;
    let h = 0x811c9dc5 | 0;
    let all = 0;
    let i = 0;
    for (; i + 1 < length; i += 2) {
      const low = key.charCodeAt(i);
      const high = key.charCodeAt(i + 1);
      block[offset + i] = low;
      block[offset + i + 1] = high;
      const pair = low | (high << 16);
      all |= pair;
      h = Math.imul(h ^ pair, 0x01000193);
    }
    if (i < length) {
      const c = key.charCodeAt(i);
      block[offset + i] = c;
      all |= c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    const widest = (all | (all >>> 16)) & 0xffff;
    const units = widest > 0xff ? WIDE : widest > 0x7f ? LATIN1 : ASCII;
    const hash = finish(h);
    const shape = length * 4 + units;
    const table = this.table;
    let slot = hash & this.mask;
    for (; ; slot = (slot + 1) & this.mask) {
      const entry = table[2 * slot] as number;
      if (entry === 0) break;
      if (table[2 * slot + 1] === hash && this.equals(entry - 1, key, shape)) return entry - 1;
    }
    const index = this.count;
    if (index === this.shapeOf.length) this.growKeys();
    if (units === WIDE) this.store(index, key, shape);
    else {
      // Already copied above.
      if (units === LATIN1) this.blockAscii[this.blocks.length - 1] = false;
      this.used = offset + length;
      this.blockOf[index] = this.blocks.length - 1;
      this.offsetOf[index] = offset;
      this.shapeOf[index] = shape;
    }
    table[2 * slot] = index + 1;
    table[2 * slot + 1] = hash;
    this.count = index + 1;
    // At most half full, so that probe runs stay short.
    if (this.count * 2 > this.mask + 1) this.growTable();
    return index;
  }

  /**
   * The key numbered `index` (a new string each time). Fastest read back in the order keys were
   * added: an ASCII key is sliced from its block's text, decoded once per block visited.
   */
  keyAt(index: number): string {
    if (index < 0 || index >= this.count) throw new RangeError(`no key numbered ${index}`);
    const block = this.blocks[this.blockOf[index] as number] as Uint8Array;
    const offset = this.offsetOf[index] as number;
    const shape = this.shapeOf[index] as number;
    const length = shape >>> 2;
    const units = shape & 3;
    const blockNo = this.blockOf[index] as number;
    if (units === ASCII && this.blockAscii[blockNo]) {
      // A slice of the block read back whole: a decoder call per key costs ~3,000 instructions,
      // ten times a slice. Keys are read back mostly in the order they were added (a reader's
      // orders at the end of its file), so one block is decoded at a time. A slice keeps its
      // block's text alive only as long as the slice lives.
      if (this.blockTextOf !== blockNo) {
        const end = blockNo === this.blocks.length - 1 ? this.used : (this.blockEnds[blockNo] as number);
        this.blockText = asciiDecoder.decode(block.subarray(0, end));
        this.blockTextOf = blockNo;
      }
      // A key added to the last block since it was decoded is read on its own, below: reading
      // keys back while adding them must not decode the block again and again.
      if (offset + length <= this.blockText.length) return this.blockText.slice(offset, offset + length);
    }
    if (units !== WIDE && length <= SHORT_KEY) {
      // Short keys (order numbers) are built a character at a time: measured 2x faster than a
      // decoder call, and strings this short are stored flat, not as ropes.
      let text = '';
      for (let i = offset; i < offset + length; i++) text += String.fromCharCode(block[i] as number);
      return text;
    }
    if (units === ASCII) return asciiDecoder.decode(block.subarray(offset, offset + length));
    let text = '';
    for (let start = 0; start < length; start += DECODE_UNITS) {
      const codes = new Array<number>(Math.min(DECODE_UNITS, length - start));
      for (let i = 0; i < codes.length; i++) {
        const at = offset + (units === WIDE ? 2 * (start + i) : start + i);
        codes[i] =
          units === WIDE ? (block[at] as number) | ((block[at + 1] as number) << 8) : (block[at] as number);
      }
      text += String.fromCharCode(...codes);
    }
    return text;
  }

  /** FNV-1a over the UTF-16 code units (two at a time), then MurmurHash3's finaliser to spread the bits. */
  private hash(key: string): number {
    let h = 0x811c9dc5 | 0;
    let all = 0;
    const length = key.length;
    let i = 0;
    for (; i + 1 < length; i += 2) {
      const pair = key.charCodeAt(i) | (key.charCodeAt(i + 1) << 16);
      all |= pair;
      h = Math.imul(h ^ pair, 0x01000193);
    }
    if (i < length) {
      const c = key.charCodeAt(i);
      all |= c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    // The widest code unit, in either half of a pair.
    const widest = (all | (all >>> 16)) & 0xffff;
    this.units = widest > 0xff ? WIDE : widest > 0x7f ? LATIN1 : ASCII;
    return finish(h);
  }

  private equals(index: number, key: string, shape: number): boolean {
    if (this.shapeOf[index] !== shape) return false;
    const block = this.blocks[this.blockOf[index] as number] as Uint8Array;
    const offset = this.offsetOf[index] as number;
    const length = key.length;
    if ((shape & 3) === WIDE) {
      for (let i = 0; i < length; i++) {
        const unit = (block[offset + 2 * i] as number) | ((block[offset + 2 * i + 1] as number) << 8);
        if (unit !== key.charCodeAt(i)) return false;
      }
    } else {
      for (let i = 0; i < length; i++) if (block[offset + i] !== key.charCodeAt(i)) return false;
    }
    return true;
  }

  /** Copies the key's code units into the current block: one byte each, or two when WIDE. */
  private store(index: number, key: string, shape: number): void {
    const wide = (shape & 3) === WIDE;
    const bytes = wide ? 2 * key.length : key.length;
    let block = this.blocks[this.blocks.length - 1] as Uint8Array;
    if (this.used + bytes > block.length) {
      block = new Uint8Array(Math.max(BLOCK_BYTES, bytes));
      this.startBlock(block);
    }
    const offset = this.used;
    if (wide) {
      for (let i = 0; i < key.length; i++) {
        const unit = key.charCodeAt(i);
        block[offset + 2 * i] = unit & 0xff;
        block[offset + 2 * i + 1] = unit >>> 8;
      }
    } else {
      for (let i = 0; i < key.length; i++) block[offset + i] = key.charCodeAt(i);
    }
    this.used = offset + bytes;
    this.blockAscii[this.blocks.length - 1] = false;
    this.blockOf[index] = this.blocks.length - 1;
    this.offsetOf[index] = offset;
    this.shapeOf[index] = shape;
  }

  private startBlock(block: Uint8Array): void {
    this.blockEnds[this.blocks.length - 1] = this.used;
    this.blocks.push(block);
    this.blockAscii.push(true);
    this.used = 0;
  }

  private growKeys(): void {
    const grown = (from: Int32Array) => {
      const to = new Int32Array(from.length * 2);
      to.set(from);
      return to;
    };
    this.blockOf = grown(this.blockOf);
    this.offsetOf = grown(this.offsetOf);
    this.shapeOf = grown(this.shapeOf);
  }

  private growTable(): void {
    const old = this.table;
    const capacity = 2 * (this.mask + 1);
    const table = new Int32Array(2 * capacity);
    const mask = capacity - 1;
    // In slot order: a key in slot s lands near s or s + the old capacity, so both tables are
    // read and written nearly in sequence rather than at random.
    for (let at = 0; at < old.length; at += 2) {
      const entry = old[at] as number;
      if (entry === 0) continue;
      const hash = old[at + 1] as number;
      let slot = hash & mask;
      while (table[2 * slot] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = entry;
      table[2 * slot + 1] = hash;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** MurmurHash3's finaliser: spreads FNV-1a's bits over the whole word. */
function finish(fnv: number): number {
  let h = fnv;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Widest code unit of a key: how its characters are stored and read back. */
const ASCII = 0;
const LATIN1 = 1;
const WIDE = 2;

/** ASCII bytes read back as they are (UTF-8 and ASCII agree on them), natively. */
const asciiDecoder = new TextDecoder();
const INITIAL_KEYS = 256;
/** V8 concatenates strings shorter than 13 characters into flat strings. */
const SHORT_KEY = 12;
const INITIAL_SLOTS = 512;
/** Keys' characters go into blocks of this size (a longer key gets a block of its own). */
const BLOCK_BYTES = 1 << 20;
/** `String.fromCharCode(...codes)` takes this many codes at a time (well under argument limits). */
const DECODE_UNITS = 8192;
