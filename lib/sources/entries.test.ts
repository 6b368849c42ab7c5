import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberText } from './entries.ts';

describe('numberText', () => {
  it('is String(n) for every number: integers of every size and sign, fractions, -0, NaN', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -1_000_000, max: 1_000_000 }),
            fc.integer(),
            fc.constantFrom(999, 1000, 1001, 999_999, 1_000_000, 1_000_001, 999_999_999, 1_000_000_000),
            fc.constantFrom(-999, -1000, -999_999_999, -1_000_000_000, 0.5, -0.5, 1e21),
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
