import type { LedgerEntry, LedgerKind, Platform } from '../domain/records.ts';
import { type DecimalMark, parseAmount } from '../import/amounts.ts';
import { type Consequence, ISSUE, type IssueText, THEN } from '../import/issue-texts.ts';
import { StringIndex } from '../import/string-index.ts';
import { isCurrencyCode, minorUnitExponent } from '../money/currencies.ts';
import type { ReaderContext } from './format.ts';

/**
 * A dedupe key: the same event must get the same key from every file that contains it, so keys
 * are built from the platform's own ids (order, transaction, payout), never from file or row.
 */
export function dedupeKey(
  platform: Platform,
  kind: LedgerKind | string,
  ...ids: readonly (string | number)[]
): string {
  // Concatenated, not joined: `join` allocates arrays and measured 2-3x slower for a million keys.
  // The result may be a rope (a tree of its pieces); whoever reads its characters (a hash, a
  // structured clone into IndexedDB) flattens it then, and the command line never does.
  let key = `${platform}:${kind}`;
  for (let i = 0; i < ids.length; i++) key += `:${ids[i]}`;
  return key;
}

/** `String(n)` for 0–999, and the same padded to three digits: the pieces of `numberText`. */
const PLAIN = Array.from({ length: 1000 }, (_, n) => String(n));
const PADDED = PLAIN.map((text) => text.padStart(3, '0'));

/**
 * `String(n)`, built from small tables for integers under a billion: keys that contain an amount
 * (a Shopify Payments row's identity) turn a million numbers into text, and V8 converts a number
 * it has not cached lately in a runtime call (measured: most of the cost of building those keys;
 * a cache of recent texts was slower still, from its memory reads).
 */
export function numberText(n: number): string {
  if (n !== (n | 0) || n <= -1_000_000_000 || n >= 1_000_000_000) return String(n);
  if (n < 0) return `-${numberText(-n)}`;
  if (n < 1000) return PLAIN[n] as string;
  const thousands = (n / 1000) | 0;
  const units = PADDED[n - thousands * 1000] as string;
  if (thousands < 1000) return (PLAIN[thousands] as string) + units;
  const millions = (thousands / 1000) | 0;
  return (PLAIN[millions] as string) + (PADDED[thousands - millions * 1000] as string) + units;
}

/**
 * Keys for rows that carry no id of their own: identical rows can legitimately occur in one file
 * (two identical fee credits on one day), so the first occurrence keeps the key as it is and the
 * n-th repeat gets `<separator>n` appended (`:2` for Shopify and Walmart, `#2` for eBay and Etsy,
 * as their keys always were). Re-reading the same file yields the same keys.
 */
export class Occurrences {
  /** Every key seen (a file can bring a million): see StringIndex. */
  private readonly seen = new StringIndex();
  /** How many times each key seen more than once was seen, by its number in `seen`. */
  private readonly repeats = new Map<number, number>();

  constructor(private readonly separator: ':' | '#') {}

  key(base: string): string {
    const before = this.seen.size;
    const index = this.seen.add(base);
    if (this.seen.size > before) return base;
    const n = (this.repeats.get(index) ?? 1) + 1;
    this.repeats.set(index, n);
    return `${base}${this.separator}${n}`;
  }
}

let lastCurrency: { text: string; code: string | undefined } = { text: '', code: undefined };

/** A currency cell (`usd`, `USD`, ` EUR `) as an ISO code, or undefined when it is not one. */
export function currencyCode(text: string): string | undefined {
  // Every row of a file repeats the same currency cell or two: the last answer is kept.
  if (text === lastCurrency.text) return lastCurrency.code;
  const code = text.trim().toUpperCase();
  lastCurrency = { text, code: isCurrencyCode(code) ? code : undefined };
  return lastCurrency.code;
}

/**
 * Reads a required amount cell, reporting an issue naming the row and column when it is not a
 * number. Returns minor units, 0 for an empty cell, or undefined when unreadable.
 */
export function amountCell<C extends string>(
  ctx: ReaderContext<C>,
  cells: readonly string[],
  column: C,
  currency: string,
  line: number,
  mark: DecimalMark = 'auto',
): number | undefined {
  return amountText(ctx, ctx.header.get(cells, column), column, currency, line, mark);
}

/** `amountCell` for a cell already read (by a column reader from `header.reader`). */
export function amountText<C extends string>(
  ctx: ReaderContext<C>,
  text: string,
  column: C,
  currency: string,
  line: number,
  mark: DecimalMark = 'auto',
): number | undefined {
  const value = parseAmount(text, minorUnitExponent(currency), mark);
  if (value === undefined) {
    ctx.issue(line, column, ISSUE.notAnAmount(text, THEN.rowSkipped()));
    return undefined;
  }
  return value ?? 0;
}

export type { LedgerEntry };

/** Reports a problem with one row and returns undefined, so a reader can `return skip(...)`. */
export function skip<C extends string>(
  ctx: ReaderContext<C>,
  line: number,
  column: C,
  said: IssueText,
): undefined {
  ctx.issue(line, column, said);
  return undefined;
}

/**
 * Reads the money cells of one row (`auto` decimal mark: re-saved files may hold `24,99`).
 * Empty cells (blank, `--`) read as null. Reports the first unreadable cell, saying what
 * happened (`the row was skipped`), and returns undefined.
 */
export function readAmountCells<C extends string>(
  ctx: ReaderContext<C>,
  cells: readonly string[],
  line: number,
  currency: string,
  wanted: readonly C[],
  consequence: Consequence = THEN.rowSkipped(),
): Map<C, number | null> | undefined {
  const out = new Map<C, number | null>();
  const exponent = minorUnitExponent(currency);
  for (const column of wanted) {
    const text = ctx.header.get(cells, column);
    const value = parseAmount(text, exponent, 'auto');
    if (value === undefined) return skip(ctx, line, column, ISSUE.notAnAmount(text, consequence));
    out.set(column, value);
  }
  return out;
}
