import { type AmountResult, parseAmount, splitCurrencyMarker } from '../../import/amounts.ts';
import { type Consequence, THEN } from '../../import/issue-texts.ts';
import { minorUnitExponent } from '../../money/currencies.ts';
import { readAmountCells, skip } from '../entries.ts';
import type { ReaderContext } from '../format.ts';

export { skip };

/**
 * Helpers shared by the eBay formats (the `_` prefix keeps the registry meta-test from treating
 * this file as a format).
 */

/**
 * The currency a money cell names: `$43.00` (USD), `AU $3,000.00`, `C $5.00`, `£12.50`,
 * `EUR 90,00`. Undefined for a bare number.
 */
export function currencyOfCell(text: string): string | undefined {
  if (!/[^\d.,\s()+-]/.test(text)) return undefined;
  const { number, currency } = splitCurrencyMarker(text.replace(/^[(+-]+/, ''));
  // Only a cell that is an amount names a currency: `€€` or `EUR abc` must not re-price an order.
  return /\d/.test(number) && /^[\d.,\s()+-]*$/.test(number) ? currency : undefined;
}

/**
 * An eBay money cell in minor units. The decimal mark is decided per cell (`EUR 90,00` on the
 * EU sites, `$1,250.00` elsewhere); `--` and blanks are null; undefined when unreadable.
 */
export function ebayAmount(text: string, currency: string): AmountResult {
  return parseAmount(text, minorUnitExponent(currency), 'auto');
}

/** The money cells of one row; see readAmountCells. */
export function readAmounts<C extends string>(
  ctx: ReaderContext<C>,
  cells: readonly string[],
  line: number,
  currency: string,
  wanted: readonly C[],
  skipped: Consequence = THEN.rowSkipped(),
): Map<C, number | null> | undefined {
  return readAmountCells(ctx, cells, line, currency, wanted, skipped);
}
