import { describe, expect, it } from 'vitest';
import { type AsciiText, StreamDecoder, sniffEncoding } from './decode.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const BOM8 = [0xef, 0xbb, 0xbf];

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 * i + (order === 'le' ? 0 : 1)] = unit & 0xff;
    bytes[2 * i + (order === 'le' ? 1 : 0)] = unit >> 8;
  }
  return bytes;
}

/** Windows-1252's 0x80-0x9F block, from the WHATWG index (not from the runtime's TextDecoder). */
const HIGH_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Windows-1252 as Excel writes it on Western Windows. */
function cp1252(text: string): Uint8Array {
  const high = HIGH_1252;
  return Uint8Array.from([...text], (c) => {
    const at = high.indexOf(c);
    if (at >= 0) return 0x80 + at;
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new Error(`${c} is not in Windows-1252`);
    return code;
  });
}

/** `text` with `?` for what Windows-1252 cannot hold. */
const in1252 = (text: string): string =>
  [...text].map((c) => (c.charCodeAt(0) <= 0xff || HIGH_1252.includes(c) ? c : '?')).join('');

const cat = (...parts: (Uint8Array | number[])[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** The command line's ASCII shortcut, written plainly; counts the chunks it turned into text. */
function countingAscii(): AsciiText & { used: number } {
  const ascii = (bytes: Uint8Array): string | undefined => {
    let text = '';
    for (const b of bytes) {
      if (b >= 0x80) return undefined;
      text += String.fromCharCode(b);
    }
    ascii.used += 1;
    return text;
  };
  ascii.used = 0;
  return ascii;
}

/** Decodes `bytes` fed in chunks of `size` (0: all at once). */
function decode(
  bytes: Uint8Array,
  size = 0,
  asciiText?: AsciiText,
): { text: string; decoder: StreamDecoder } {
  const decoder = new StreamDecoder(asciiText);
  let text = '';
  if (size === 0) text += decoder.push(bytes);
  else for (let i = 0; i < bytes.length; i += size) text += decoder.push(bytes.subarray(i, i + size));
  text += decoder.end();
  return { text, decoder };
}

const SAMPLE = 'Date;Name;Amount\n2026-01-05;Café Müller;€12,50\n2026-01-06;東京ショップ 😀;¥1,200\n';

describe("StreamDecoder: encodings sellers' files come in", () => {
  it('UTF-8 without BOM', () => {
    const { text, decoder } = decode(utf8(SAMPLE));
    expect(text).toBe(SAMPLE);
    expect(decoder.encoding).toBe('utf-8');
    expect(decoder.issues).toEqual([]);
  });

  it('UTF-8 with BOM (PayPal, Etsy): the BOM is not part of the first header cell', () => {
    const { text, decoder } = decode(cat(BOM8, utf8(SAMPLE)));
    expect(text).toBe(SAMPLE);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(decoder.encoding).toBe('utf-8');
  });

  it.each(['le', 'be'] as const)('UTF-16 %s with BOM (Excel "Unicode text")', (order) => {
    const { text, decoder } = decode(utf16(`\uFEFF${SAMPLE}`, order));
    expect(text).toBe(SAMPLE);
    expect(decoder.encoding).toBe(`utf-16${order}`);
  });

  it.each(['le', 'be'] as const)('UTF-16 %s without BOM', (order) => {
    const { text, decoder } = decode(utf16(SAMPLE, order));
    expect(text).toBe(SAMPLE);
    expect(decoder.encoding).toBe(`utf-16${order}`);
  });

  it('Windows-1252 (CSV saved by Excel): "Café;€" keeps its accent and euro sign', () => {
    const { text, decoder } = decode(cp1252('Name;Currency\nCafé;€\nNaïve – “quoted”;€\n'));
    expect(text).toBe('Name;Currency\nCafé;€\nNaïve – “quoted”;€\n');
    expect(decoder.encoding).toBe('windows-1252');
    expect(decoder.issues).toEqual([]);
  });

  it('Windows-1252: every character of the 0x80-0x9F block (euro sign, smart quotes, dashes)', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const { text, decoder } = decode(cat(utf8('Name\n'), bytes, [0xe9, 0x0a]));
    expect(decoder.encoding).toBe('windows-1252');
    expect(text).toBe(`Name\n${HIGH_1252}é\n`);
  });

  it('an empty file decodes to nothing', () => {
    const { text, decoder } = decode(new Uint8Array(0));
    expect(text).toBe('');
    expect(decoder.issues).toEqual([]);
  });

  it('a file that is only a BOM decodes to nothing', () => {
    expect(decode(new Uint8Array(BOM8)).text).toBe('');
    expect(decode(new Uint8Array([0xff, 0xfe])).text).toBe('');
  });
});

describe('StreamDecoder: chunks split anywhere', () => {
  // Longer than the 64 KiB sniffing window, so that characters are split both while the
  // encoding is being sniffed and after, and the window's end falls inside a character.
  const long = (shift: number) => 'x'.repeat(shift) + SAMPLE.repeat(Math.ceil(70_000 / SAMPLE.length));

  const encodings: [string, (text: string) => Uint8Array][] = [
    ['utf-8', utf8],
    ['utf-8 with BOM', (t) => cat(BOM8, utf8(t))],
    ['utf-16le', (t) => utf16(`\uFEFF${t}`, 'le')],
    ['utf-16be', (t) => utf16(t, 'be')],
    ['windows-1252', (t) => cp1252(in1252(t))],
  ];

  for (const [name, encode] of encodings) {
    it(`${name}: chunks of 1..7 bytes give the same text as the whole file`, () => {
      for (let shift = 0; shift < 4; shift++) {
        const text = name === 'windows-1252' ? in1252(long(shift)) : long(shift);
        const bytes = encode(text);
        for (let size = 1; size <= 7; size++) {
          const { text: decoded, decoder } = decode(bytes, size);
          expect(decoded === text, `shift ${shift}, chunks of ${size}`).toBe(true);
          expect(decoder.issues).toEqual([]);
          // With the ASCII shortcut, chunks that happen to be ASCII skip TextDecoder: same text.
          const ascii = countingAscii();
          const fast = decode(bytes, size, ascii);
          expect(fast.text === text, `ASCII shortcut, shift ${shift}, chunks of ${size}`).toBe(true);
          expect(fast.decoder.issues).toEqual([]);
          if (!name.startsWith('utf-16')) expect(ascii.used).toBeGreaterThan(0);
          else expect(ascii.used).toBe(0);
        }
      }
    });
  }

  it('a small file in one-byte chunks keeps its BOM out and its characters whole', () => {
    for (const bytes of [cat(BOM8, utf8(SAMPLE)), utf16(`\uFEFF${SAMPLE}`, 'be')]) {
      expect(decode(bytes, 1).text).toBe(SAMPLE);
    }
  });
});

describe('StreamDecoder: invalid bytes', () => {
  it('invalid UTF-8 late in a UTF-8 file is reported once, and the rest still decodes', () => {
    const head = 'Date,Name\n'.padEnd(80_000, 'a');
    const bytes = cat(utf8(head), [0xff], utf8('\nCafé\n'), [0xc3, 0x28], utf8('\nend 😀\n'), [0xfe]);
    for (const [size, ascii] of [0, 1000, 4096, 65_536].flatMap(
      (n) =>
        [
          [n, undefined],
          [n, countingAscii()],
        ] as const,
    )) {
      const { text, decoder } = decode(bytes, size, ascii);
      expect(decoder.encoding).toBe('utf-8');
      expect(text.startsWith(head)).toBe(true);
      expect(text).toContain('\nCafé\n');
      expect(text).toContain('\nend 😀\n');
      expect(text.split('\uFFFD').length - 1).toBe(3);
      expect(decoder.issues).toHaveLength(1);
      expect(decoder.issues[0]?.row).toBeNull();
      expect(decoder.issues[0]?.message).toMatch(/not valid UTF-8/);
    }
  });

  it('a UTF-8 file cut in the middle of a character at the end is still UTF-8', () => {
    // A download interrupted mid-character: the names before must not turn into mojibake.
    const bytes = utf8('Name\nCafé Müller\n😀');
    const { text, decoder } = decode(bytes.subarray(0, bytes.length - 2));
    expect(decoder.encoding).toBe('utf-8');
    expect(text.startsWith('Name\nCafé Müller\n')).toBe(true);
  });
});

describe('sniffEncoding', () => {
  it('recognises each BOM and its length', () => {
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', bom: 3 });
    expect(sniffEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: 'utf-16le', bom: 2 });
    expect(sniffEncoding(new Uint8Array([0xfe, 0xff, 0, 0x41]))).toEqual({ encoding: 'utf-16be', bom: 2 });
  });

  it('is not fooled by a multi-byte character cut at the end of the sniffing window', () => {
    const bytes = utf8(`${'a'.repeat(65_535)}€€`); // the window ends inside the first €
    expect(sniffEncoding(bytes).encoding).toBe('utf-8');
  });
});
