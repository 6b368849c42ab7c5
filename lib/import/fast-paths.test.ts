import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from './amounts.ts';
import { parseDate } from './dates.ts';

/**
 * parseAmount and parseDate read their commonest shapes (`-1234.56`, `2026-03-04 10:00:00`) in one
 * scan, without regexes. These properties pin the fast paths to what the general rules say.
 */

/** Minor units of a plain decimal, by the rule (half away from zero on the next digit), in BigInt. */
function expectedMinor(
  negative: boolean,
  whole: string,
  fraction: string,
  exponent: number,
): number | undefined {
  const padded = (fraction + '0'.repeat(exponent + 1)).slice(0, exponent + 1);
  let minor = BigInt(whole + padded.slice(0, exponent));
  if (Number(padded[exponent]) >= 5) minor += 1n;
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return undefined; // not exact in a number: unreadable
  const value = Number(minor);
  return negative && value !== 0 ? -value : value;
}

const digitString = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));

describe('parseAmount fast path', () => {
  it('reads -?digits(.digits)? as the rule says, for every exponent and decimal mark but ","', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        digitString(1, 12),
        fc.option(digitString(1, 7), { nil: undefined }),
        fc.constantFrom(0, 2, 3, 4),
        fc.constantFrom('auto' as const, '.' as const),
        (negative, whole, fraction, exponent, mark) => {
          const text = `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`;
          expect(parseAmount(text, exponent, mark)).toBe(
            expectedMinor(negative, whole, fraction ?? '', exponent),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('leaves other shapes to the general rules', () => {
    expect(parseAmount('-')).toBeNull();
    expect(parseAmount('12.')).toBe(1200);
    expect(parseAmount('.5')).toBe(50);
    expect(parseAmount('+5.00')).toBe(500);
    expect(parseAmount('1.234', 2, ',')).toBe(123400);
    expect(parseAmount('12345678901234567.5')).toBeUndefined(); // not a safe integer in cents
    expect(parseAmount('1234567890123.45')).toBe(123456789012345);
  });
});

describe('parseDate fast path', () => {
  it('reads YYYY-MM-DD, alone or before a time, only when it is a real day between 1970 and 2100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.constantFrom('', 'T10:00:00Z', ' 17:18:52 -0700', ' ', 'x', '1', '\t'),
        fc.constantFrom('ymd' as const, 'mdy' as const, 'dmy' as const),
        (y, m, d, tail, order) => {
          const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real =
            y >= 1970 &&
            y <= 2100 &&
            m >= 1 &&
            m <= 12 &&
            d >= 1 &&
            new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          const readable = tail === '' || tail === '\t' || tail.startsWith('T') || tail.startsWith(' ');
          expect(parseDate(day + tail, order)).toBe(real && readable ? day : undefined);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
