import { ISSUE, issueAt } from './issue-texts.ts';
import type { ImportIssue } from './issues.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Bytes looked at before deciding the encoding of a file without a BOM. */
const SNIFF_BYTES = 64 * 1024;

export interface Sniffed {
  encoding: TextEncodingName;
  /** Length of the byte-order mark to skip. */
  bom: number;
}

/**
 * Decides a file's encoding from its first bytes: a BOM when there is one (UTF-8 in PayPal and
 * Etsy exports, UTF-16 in files re-saved by Excel as "Unicode text"); otherwise NUL bytes in
 * alternate positions mean UTF-16, valid UTF-8 means UTF-8, and anything else is taken as
 * Windows-1252 (CSV saved by Excel on Western Windows).
 */
export function sniffEncoding(head: Uint8Array): Sniffed {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const n = Math.min(head.length, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  if (n >= 4 && oddZeros > n / 8 && evenZeros < oddZeros / 4) return { encoding: 'utf-16le', bom: 0 };
  if (n >= 4 && evenZeros > n / 8 && oddZeros < evenZeros / 4) return { encoding: 'utf-16be', bom: 0 };
  // Cut at the last complete UTF-8 sequence before checking validity: the window, or a file
  // whose download was cut short, may end inside a character.
  let end = Math.min(head.length, SNIFF_BYTES);
  let back = 0;
  while (back < 4 && end - back - 1 >= 0 && ((head[end - back - 1] ?? 0) & 0xc0) === 0x80) back++;
  const lead = head[end - back - 1] ?? 0;
  if (lead >= 0xc0) end = end - back - 1;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'windows-1252', bom: 0 };
  }
}

/**
 * Turns bytes into text when every byte is ASCII, else returns undefined. Optional, for runtimes
 * with a native check and copy (Node's `buffer.isAscii` and `latin1Slice`, about 4x faster than
 * `TextDecoder` on a large export); browsers go through `TextDecoder` for every chunk.
 */
export type AsciiText = (bytes: Uint8Array) => string | undefined;

/** Decodes a file's bytes as they arrive, in chunks of any size. */
export class StreamDecoder {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private decoder: TextDecoder | undefined;
  /** UTF-8 only: the start of a character cut at the end of the last chunk. */
  private carry: Uint8Array | undefined;
  private warnedInvalid = false;
  encoding: TextEncodingName | undefined;
  readonly issues: ImportIssue[] = [];

  constructor(private readonly asciiText?: AsciiText) {}

  /** Returns the text decoded so far (may be '' while the first bytes are being sniffed). */
  push(bytes: Uint8Array): string {
    if (!this.decoder) {
      // A copy: callers reuse their buffer once `push` returns (a fresh buffer per chunk costs a
      // page fault per 4 kB in some VMs), and these few bytes wait for the encoding to be known.
      this.pending.push(bytes.slice());
      this.pendingBytes += bytes.length;
      if (this.pendingBytes < SNIFF_BYTES) return '';
      return this.start(false);
    }
    return this.check(this.decode(bytes, false));
  }

  end(): string {
    const head = this.decoder ? '' : this.start(true);
    return head + this.check(this.decode(new Uint8Array(0), true));
  }

  private start(final: boolean): string {
    const head = concat(this.pending, this.pendingBytes);
    this.pending = [];
    const { encoding, bom } = sniffEncoding(head);
    this.encoding = encoding;
    this.decoder = new TextDecoder(encoding, { ignoreBOM: true });
    return this.check(this.decode(head.subarray(bom), final));
  }

  /**
   * UTF-8 is decoded chunk by chunk without `stream: true`, a character cut at the end of a chunk
   * being carried over to the next: Node's streaming decode returns UTF-16 strings, twice the
   * memory of the one-byte strings its plain decode gives for ASCII text, and slower to split and
   * hash. The text is the same: a chunk is only ever cut before a lead byte, where the decoder
   * starts afresh either way.
   */
  private decode(bytes: Uint8Array, final: boolean): string {
    const decoder = this.decoder as TextDecoder;
    // ASCII reads the same in UTF-8 and Windows-1252, and leaves neither decoder mid-character;
    // with a UTF-8 character carried over from the last chunk, the decoder must see both parts.
    if (this.asciiText && !this.carry && this.encoding !== 'utf-16le' && this.encoding !== 'utf-16be') {
      const text = this.asciiText(bytes);
      if (text !== undefined) return text;
    }
    if (this.encoding !== 'utf-8') return decoder.decode(bytes, { stream: !final });
    let input = bytes;
    if (this.carry) {
      input = concat([this.carry, bytes], this.carry.length + bytes.length);
      this.carry = undefined;
    }
    if (!final) {
      const cut = incompleteTail(input);
      if (cut < input.length) {
        this.carry = new Uint8Array(input.subarray(cut)); // a copy: the caller may reuse its buffer
        input = input.subarray(0, cut);
      }
    }
    return input.length === 0 ? '' : decoder.decode(input);
  }

  private check(text: string): string {
    if (this.encoding === 'windows-1252') return fixWindows1252(text);
    if (!this.warnedInvalid && this.encoding === 'utf-8' && text.includes('\uFFFD')) {
      this.warnedInvalid = true;
      this.issues.push(issueAt(null, null, ISSUE.invalidUtf8()));
    }
    return text;
  }
}

/**
 * Windows-1252's 0x80-0x9F block (WHATWG index; the five bytes it leaves undefined map to
 * themselves). Node 20.18.3+ decodes the `windows-1252` label as Latin-1, turning `€` into U+0080
 * (nodejs/node#60888), so the block is mapped here whatever the runtime did.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** Where a UTF-8 character left incomplete at the end of `bytes` starts (`bytes.length` if none is). */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  // A character is at most 4 bytes: its lead byte (11xxxxxx) and up to 3 continuation bytes (10xxxxxx).
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const b = bytes[i] as number;
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return n - i < length ? i : n;
    }
  }
  return n;
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
