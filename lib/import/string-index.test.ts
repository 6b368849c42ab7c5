import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringIndex } from './string-index.ts';

describe('StringIndex: an exact set of strings, numbered in insertion order', () => {
  it('numbers keys as they are added and finds them again', () => {
    const index = new StringIndex();
    expect(index.add('amazon:order:1')).toBe(0);
    expect(index.add('amazon:order:2')).toBe(1);
    expect(index.add('amazon:order:1')).toBe(0);
    expect(index.size).toBe(2);
    expect(index.find('amazon:order:2')).toBe(1);
    expect(index.find('amazon:order:3')).toBe(-1);
    expect(index.keyAt(1)).toBe('amazon:order:2');
    expect(() => index.keyAt(2)).toThrow(RangeError);
  });

  it('tells apart strings that differ only in width, case or a lone surrogate', () => {
    const index = new StringIndex();
    const keys = [
      '',
      'a',
      'A',
      'é',
      '\u0100',
      '\u00e9\u0000',
      'e\u0301',
      '\ud83d',
      '\ude00',
      '\ud83d\ude00',
      '€',
      '\u20ac0',
    ];
    keys.forEach((key, i) => {
      expect(index.add(key)).toBe(i);
    });
    keys.forEach((key, i) => {
      expect(index.find(key)).toBe(i);
      expect(index.keyAt(i)).toBe(key);
    });
  });

  it('keeps keys longer than a storage block', () => {
    const index = new StringIndex();
    const long = 'x'.repeat(3 << 20);
    const wide = '€'.repeat(1 << 20);
    expect(index.add(long)).toBe(0);
    expect(index.add(wide)).toBe(1);
    expect(index.add('after')).toBe(2);
    expect(index.find(long)).toBe(0);
    expect(index.find(`${long}y`)).toBe(-1);
    expect(index.keyAt(1)).toBe(wide);
  });

  it('behaves as a Map from key to first-insertion number, whatever the keys (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 6 }),
            fc.string({ unit: 'binary', maxLength: 40 }),
            fc.string({ unit: fc.constantFrom('a', 'b', ':', '#', 'é', '€', '\ud83d'), maxLength: 12 }),
          ),
          { maxLength: 3000 },
        ),
        fc.integer({ min: 0, max: 5000 }),
        (keys, expected) => {
          // Sized for a guess of the number of keys, right or wrong: the same answers.
          const index = new StringIndex(expected);
          const oracle = new Map<string, number>();
          for (const key of keys) {
            if (!oracle.has(key)) oracle.set(key, oracle.size);
            expect(index.add(key)).toBe(oracle.get(key));
          }
          expect(index.size).toBe(oracle.size);
          for (const [key, n] of oracle) {
            expect(index.find(key)).toBe(n);
            expect(index.keyAt(n)).toBe(key);
          }
          expect(index.find('\u0000never added\u0000')).toBe(oracle.get('\u0000never added\u0000') ?? -1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stays exact over many similar keys', () => {
    const index = new StringIndex();
    const key = (i: number) => `shopify:fee:payments:2024-01-01 00:00:00 -0400|charge|#${i}|${i % 97}`;
    for (let i = 0; i < 300_000; i++) index.add(key(i));
    expect(index.size).toBe(300_000);
    for (let i = 0; i < 300_000; i += 997) {
      expect(index.find(key(i))).toBe(i);
      expect(index.add(key(i))).toBe(i);
    }
    expect(index.keyAt(299_999)).toBe(key(299_999));
  });

  it('reads keys back exactly across blocks, in any order, also while keys are still being added', () => {
    // ~2.6 MB of keys: three storage blocks, each with an accented key among ASCII ones (`Ã©`'s
    // Latin-1 bytes read as one UTF-8 character: a block holding it must not be decoded whole).
    const key = (i: number) =>
      i % 50_000 === 7
        ? `#${i}-Ã©-Zoë-${'x'.repeat(i % 13)}`
        : `#${100 + (i % 900)}-${i}-${'0'.repeat(i % 17)}`;
    const index = new StringIndex();
    for (let i = 0; i < 120_000; i++) {
      expect(index.add(key(i))).toBe(i);
      // Read back as it grows: the newest key, and one far back in an earlier block.
      if (i % 1_000 === 0) {
        expect(index.keyAt(i)).toBe(key(i));
        expect(index.keyAt(Math.floor(i / 3))).toBe(key(Math.floor(i / 3)));
      }
    }
    for (let i = 0; i < 120_000; i++) expect(index.keyAt(i)).toBe(key(i));
    for (let i = 119_999; i >= 0; i -= 7) expect(index.keyAt(i)).toBe(key(i));
    for (let i = 0; i < 20_000; i++) {
      const n = (i * 7919) % 120_000;
      expect(index.keyAt(n)).toBe(key(n));
    }
    // Added after the last block was read back whole.
    expect(index.add('#new-after-reading')).toBe(120_000);
    expect(index.keyAt(120_000)).toBe('#new-after-reading');
    expect(index.keyAt(119_999)).toBe(key(119_999));
  });
});
