import { parseAmount } from '../../import/amounts.ts';
import { parseDate } from '../../import/dates.ts';
import { type Consequence, ISSUE, type IssueText, THEN } from '../../import/issue-texts.ts';
import { readAmountCells, skip } from '../entries.ts';
import type { ReaderContext } from '../format.ts';

export { skip };

/**
 * Helpers shared by the Etsy formats (the `_` prefix keeps the registry meta-test from treating
 * this file as a format).
 */

/** A date cell read back, and whether it had to be repaired. */
export interface EtsyDate {
  date: string | undefined;
  /** Set when the cell was a spreadsheet's misreading of `MM/DD/YY` and was read back. */
  repaired: boolean;
}

function isoDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Etsy writes `MM/DD/YY`; files re-saved by a spreadsheet hold `M/D/YYYY` or ISO dates. One real
 * re-saved export (rey1140, 2020) shows a spreadsheet reading `11/10/20` as YY/MM/DD and writing
 * `2011-10-20`: every such cell has a year 2001..2012 and a "day" equal to the export's real year
 * (13 or more), and read back as MM/DD/YY the file's dates run in order again. Those cells are
 * read back; a genuine 2001..2012 date with a day of 13 or more in an ISO re-saved file would be
 * misread, which is accepted (Etsy opened in 2005 and such re-saved files are not expected).
 */
export function readEtsyDate(cell: string): EtsyDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell.trim());
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y >= 2001 && y <= 2012 && d >= 13) {
      const back = isoDate(2000 + d, y - 2000, mo);
      if (back) return { date: back, repaired: true };
    }
  }
  return { date: parseDate(cell, 'mdy'), repaired: false };
}

/** Counts the repaired date cells of one file, to report them once. */
export class RepairedDates {
  private count = 0;
  private first: { line: number; cell: string; date: string } | undefined;

  note(line: number, cell: string, date: string): void {
    this.count += 1;
    this.first ??= { line, cell, date };
  }

  /** The issue to report at the end of the file, if any cell was repaired. */
  message(column: string): { line: number; said: IssueText } | undefined {
    if (!this.first) return undefined;
    return { line: this.first.line, said: ISSUE.etsyDatesRepaired(column, this.count, this.first) };
  }
}

/**
 * The first money amount written in a sentence, e.g. the payout in a statement's Deposit title
 * "€678.00 sent to your bank account" or "CA$1,234.50 sent to your bank account".
 * Returns minor units, or undefined when the text holds no amount.
 */
export function amountInText(text: string, exponent: number): number | undefined {
  const m = /-?(?:[A-Z]{1,3}\s?)?[$€£¥₹]?\s?\d[\d,.]*/.exec(text);
  if (!m) return undefined;
  const token = m[0].replace(/[.,]+$/, '');
  const value = parseAmount(token, exponent, 'auto');
  return typeof value === 'number' ? value : undefined;
}

/**
 * The order number in a statement title or info cell: "Payment for Order #2360875283",
 * "Order #2360875283", "order: 2360875283" (VAT rows).
 */
export function orderNumberIn(text: string): string | undefined {
  return /\border\s*[#:]\s*(\d+)/i.exec(text)?.[1];
}

/** The money cells of one row; an unreadable one skips the whole order (or what `then` says). */
export function readAmounts<C extends string>(
  ctx: ReaderContext<C>,
  cells: readonly string[],
  line: number,
  currency: string,
  wanted: readonly C[],
  then: Consequence = THEN.theOrderSkipped(),
): Map<C, number | null> | undefined {
  return readAmountCells(ctx, cells, line, currency, wanted, then);
}
