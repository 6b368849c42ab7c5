import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberText } from './entries.ts';

describe('numberText', () => {
  it('is String(n) for every number, whatever was asked before (slots shared by low bits)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -1_000_000, max: 1_000_000 }),
            // Same low 16 bits, different numbers: they share a slot.
            fc.integer({ min: 0, max: 100 }).map((k) => 1234 + k * 65_536),
            fc.double(),
            fc.constantFrom(0, -0, Number.NaN, 2 ** 53, -(2 ** 40) - 7),
          ),
          { minLength: 1, maxLength: 200 },
        ),
        (numbers) => {
          for (const n of numbers) expect(numberText(n)).toBe(String(n));
        },
      ),
      { numRuns: 500 },
    );
  });
});
