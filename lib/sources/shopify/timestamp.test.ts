import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../import/dates.ts';
import { ShopifyTimes, shopifyTimestamp } from './keys.ts';

/** shopifyTimestamp reads the export's own shape without a regex: it must agree with Date.parse. */
describe('shopifyTimestamp fast path', () => {
  const two = (n: number) => String(n).padStart(2, '0');

  it('agrees with Date.parse on both spellings, out-of-range fields included', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 0, max: 9999 })),
        // Mostly in range (month, day, hour, minute, second, offset hours, offset minutes), at times not.
        fc.tuple(
          ...[12, 31, 23, 59, 59, 14, 59].map((max) =>
            fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max }) }, fc.integer({ min: 0, max: 99 })),
          ),
        ),
        fc.constantFrom('+', '-', '*'),
        fc.boolean(),
        (year, [month, day, hour, minute, second, offsetHours, offsetMinutes], sign, spaced) => {
          const date = `${String(year).padStart(4, '0')}-${two(month ?? 0)}-${two(day ?? 0)}`;
          const time = `${two(hour ?? 0)}:${two(minute ?? 0)}:${two(second ?? 0)}`;
          const zone = `${sign}${two(offsetHours ?? 0)}:${two(offsetMinutes ?? 0)}`;
          const text = spaced ? `${date} ${time} ${zone.replace(':', '')}` : `${date}T${time}${zone}`;
          const expected = Date.parse(`${date}T${time}${zone}`);
          expect(shopifyTimestamp(text)).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('ShopifyTimes gives the same day and instant as parseDate and shopifyTimestamp, row after row', () => {
    // One reader over a sequence of rows, as in a file: the day it caches must never leak from one
    // row to the next (a short month's day 31 is no date, though Date.parse rolls it over).
    const row = fc
      .tuple(
        fc.integer({ min: 2023, max: 2025 }),
        fc.integer({ min: 1, max: 12 }),
        fc.oneof(fc.integer({ min: 28, max: 31 }), fc.integer({ min: 0, max: 99 })),
        fc.integer({ min: 0, max: 23 }),
        fc.boolean(),
        fc.constantFrom('', 'x', ' '),
      )
      .map(([year, month, day, hour, spaced, junk]) => {
        const date = `${year}-${two(month)}-${two(day)}`;
        const text = spaced ? `${date} ${two(hour)}:00:00 -0400` : `${date}T${two(hour)}:00:00-04:00`;
        return junk === 'x' ? `${text}x` : junk === ' ' ? ` ${date}` : text;
      });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (texts) => {
        const times = new ShopifyTimes();
        for (const text of texts) {
          const stamp = times.read(text);
          expect(times.day).toBe(parseDate(text, 'ymd'));
          expect(stamp).toBe(shopifyTimestamp(text));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
