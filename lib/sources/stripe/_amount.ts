import type { DecimalMark } from '../../import/amounts.ts';
import { amountCell } from '../entries.ts';
import type { ReaderContext } from '../format.ts';

/**
 * Stripe writes plain major units with no thousands separator (`1250.00`); its reports can be run
 * with `decimal_separator=,` (`"1250,00"`). So a comma without a dot is the decimal mark, and
 * `1,250` means 1.250, never 1250 as the general `auto` rule would read it.
 */
export function stripeDecimalMark(text: string): DecimalMark {
  return text.includes(',') && !text.includes('.') ? ',' : '.';
}

/** An amount cell in minor units; 0 when empty; undefined (with an issue) when unreadable. */
export function stripeAmount<C extends string>(
  ctx: ReaderContext<C>,
  cells: readonly string[],
  column: C,
  currency: string,
  line: number,
): number | undefined {
  return amountCell(ctx, cells, column, currency, line, stripeDecimalMark(ctx.header.get(cells, column)));
}
