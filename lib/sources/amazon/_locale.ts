import { parseAmount } from '../../import/amounts.ts';
import { type DateOrder, parseDate } from '../../import/dates.ts';
import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { minorUnitExponent } from '../../money/currencies.ts';
import type { ReaderContext } from '../format.ts';

/**
 * Amazon writes numbers and dates in the marketplace's locale and says nothing about it in the
 * header: `1,234.56` (US), `1.234,56` (BR, EU), `08.06.2018` (DE), and files re-saved by Excel
 * get `6/5/2025`. Most cells prove their own layout (`69,97`, `-3.263,25`, `25/06/2024`); the few
 * that read two ways (`1.234`, `04/05/2024`) take the layout the rest of the file proves.
 */

type Mark = '.' | ',';
type Order = Exclude<DateOrder, 'ymd'>;

/** The decimal mark one amount cell proves, `ambiguous` for `1.234`/`1,234`, undefined when it has none. */
export function decimalMarkOf(text: string): Mark | 'ambiguous' | undefined {
  if (text === '0' || text === '') return undefined;
  // One scan over the digits, dots and commas of the cell (the rest is ignored), without a regex:
  // positions count only those characters.
  let length = 0;
  let firstDot = -1;
  let dot = -1;
  let firstComma = -1;
  let comma = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (firstDot < 0) firstDot = length;
      dot = length;
    } else if (c === 44) {
      if (firstComma < 0) firstComma = length;
      comma = length;
    } else if (c < 48 || c > 57) continue;
    length += 1;
  }
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const at = Math.max(dot, comma);
  if (at < 0) return undefined;
  const mark: Mark = dot >= 0 ? '.' : ',';
  const other: Mark = mark === '.' ? ',' : '.';
  // `1.234.567`: a separator that repeats groups thousands.
  if ((mark === '.' ? firstDot : firstComma) !== at) return other;
  return length - at - 1 === 3 ? 'ambiguous' : mark;
}

/** The day/month order one numeric date cell proves (`25/06/2024`, `25.06.2024`), if any. */
export function dateOrderOf(text: string): Order | 'ambiguous' | undefined {
  // Empty cells and ISO dates (three digits first) prove nothing: no need for the regex.
  if (
    text === '' ||
    (isDigit(text.charCodeAt(0)) && isDigit(text.charCodeAt(1)) && isDigit(text.charCodeAt(2)))
  )
    return undefined;
  const m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:$|[\s,T])/.exec(text.trim());
  if (!m) return undefined;
  // Day-first with dots is the German/EU layout; no Amazon locale writes month-first with dots.
  if (m[2] === '.') return 'dmy';
  const first = Number(m[1]);
  const second = Number(m[3]);
  if (first > 12 && second <= 12) return 'dmy';
  if (second > 12 && first <= 12) return 'mdy';
  return 'ambiguous';
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** What a file has proved so far about its number and date layout. */
export class LocaleGuess {
  private mark: Mark | undefined;
  private order: Order | undefined;
  private pendingAmount = false;
  private pendingDate = false;
  /** The last date cell read, for `date`. */
  private last: { text: string; order: Order | undefined; date: string | undefined } = {
    text: '',
    order: undefined,
    date: undefined,
  };

  constructor(
    private readonly fallbackMark: Mark,
    private readonly fallbackOrder: Order,
  ) {}

  observeAmount(text: string): void {
    if (this.mark !== undefined) return; // proved already
    const mark = decimalMarkOf(text);
    if (mark === 'ambiguous') this.pendingAmount = true;
    else if (mark) this.mark ??= mark;
  }

  observeDate(text: string): void {
    if (this.order !== undefined) return;
    const order = dateOrderOf(text);
    if (order === 'ambiguous') this.pendingDate = true;
    else if (order) this.order ??= order;
  }

  /** Amount cells prove nothing more once the decimal mark is known: no need to observe them. */
  get markProved(): boolean {
    return this.mark !== undefined;
  }

  /** Date cells prove nothing more once the day/month order is known. */
  get orderProved(): boolean {
    return this.order !== undefined;
  }

  /** True unless a cell seen so far reads two ways and the file has not yet proved which. */
  get settled(): boolean {
    return (
      (!this.pendingAmount || this.mark !== undefined) && (!this.pendingDate || this.order !== undefined)
    );
  }

  /** Minor units of an amount cell; null when empty, undefined when unreadable. */
  amount(text: string, currency: string): number | null | undefined {
    // Most cells of Amazon's wide reports are `0`: not worth the full parse.
    if (text === '0') return 0;
    if (text === '') return null;
    const own = decimalMarkOf(text);
    const mark = own === '.' || own === ',' ? own : (this.mark ?? this.fallbackMark);
    return parseAmount(text, minorUnitExponent(currency), mark);
  }

  /** ISO date of a date cell, undefined when it is not a date. */
  date(text: string): string | undefined {
    // Consecutive rows mostly share their date: the last answer is kept (for the same order).
    const order = this.order;
    if (text === this.last.text && order === this.last.order) return this.last.date;
    const own = dateOrderOf(text);
    const date = parseDate(text, own === 'dmy' || own === 'mdy' ? own : (order ?? this.fallbackOrder));
    this.last = { text, order, date };
    return date;
  }
}

/**
 * Holds rows back while the file has not proved how to read them (at most `cap` rows), then
 * hands them on in order. Every row is observed before it is held or handed on.
 */
export class PendingRows {
  private held: Array<readonly [readonly string[], number]> = [];
  private open = true;

  constructor(
    private readonly ready: () => boolean,
    private readonly handle: (cells: readonly string[], line: number) => void,
    private readonly cap = 2000,
  ) {}

  push(cells: readonly string[], line: number): void {
    if (this.open) {
      if (!this.ready() && this.held.length < this.cap) {
        this.held.push([cells, line]);
        return;
      }
      this.flush();
    }
    this.handle(cells, line);
  }

  flush(): void {
    this.open = false;
    if (this.held.length === 0) return;
    const held = this.held;
    this.held = [];
    for (const [cells, line] of held) this.handle(cells, line);
  }
}

/**
 * Dedupe keys for rows without an id of their own: the second identical event in one file gets
 * `#2`, so a re-import of the same file yields the same keys and two real events stay two.
 */
export class KeyCounter {
  private readonly seen = new Map<string, number>();

  next(key: string): string {
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  }
}

/** Currency of each Amazon marketplace (by domain suffix or country code). */
const MARKETPLACE_CURRENCY: ReadonlyArray<readonly [string, string]> = [
  ['com.br', 'BRL'],
  ['com.mx', 'MXN'],
  ['com.au', 'AUD'],
  ['com.tr', 'TRY'],
  ['com.be', 'EUR'],
  ['co.uk', 'GBP'],
  ['co.jp', 'JPY'],
  ['co.za', 'ZAR'],
  ['ca', 'CAD'],
  ['de', 'EUR'],
  ['fr', 'EUR'],
  ['it', 'EUR'],
  ['es', 'EUR'],
  ['nl', 'EUR'],
  ['ie', 'EUR'],
  ['se', 'SEK'],
  ['pl', 'PLN'],
  ['in', 'INR'],
  ['sg', 'SGD'],
  ['ae', 'AED'],
  ['sa', 'SAR'],
  ['eg', 'EGP'],
  ['com', 'USD'],
];

const COUNTRY_CURRENCY: Readonly<Record<string, string>> = {
  US: 'USD',
  CA: 'CAD',
  MX: 'MXN',
  BR: 'BRL',
  UK: 'GBP',
  GB: 'GBP',
  DE: 'EUR',
  FR: 'EUR',
  IT: 'EUR',
  ES: 'EUR',
  NL: 'EUR',
  IE: 'EUR',
  BE: 'EUR',
  SE: 'SEK',
  PL: 'PLN',
  JP: 'JPY',
  AU: 'AUD',
  IN: 'INR',
  SG: 'SGD',
  AE: 'AED',
  SA: 'SAR',
  TR: 'TRY',
  EG: 'EGP',
};

/**
 * The currency of a marketplace name as Amazon writes it: `amazon.com.br`, `Amazon.ca`,
 * `www.amazon.co.uk`, or the multi-channel `Non-Amazon CA` / internal `SI CA Prod Marketplace`.
 */
export function marketplaceCurrency(name: string): string | undefined {
  // Every row of a file names the same marketplace or two: the last answer is kept.
  if (name === lastMarketplace.name) return lastMarketplace.currency;
  const currency = marketplaceCurrencyOf(name);
  lastMarketplace = { name, currency };
  return currency;
}

let lastMarketplace: { name: string; currency: string | undefined } = { name: '', currency: undefined };

function marketplaceCurrencyOf(name: string): string | undefined {
  const s = name.trim().toLowerCase();
  const domain = /amazon\.([a-z.]+)$/.exec(s);
  if (domain) {
    const tld = domain[1] as string;
    for (const [suffix, currency] of MARKETPLACE_CURRENCY) if (tld === suffix) return currency;
    return undefined;
  }
  const country = /\b([a-z]{2})\b/.exec(s.replace(/^non-amazon|^si\b/, ''));
  return country ? COUNTRY_CURRENCY[(country[1] as string).toUpperCase()] : undefined;
}

/** Multi-channel fulfilment orders: sold elsewhere, shipped by FBA; not Amazon marketplace sales. */
export function isNonAmazon(marketplace: string): boolean {
  // Every order of a file names the same marketplace or two: the last answer is kept.
  if (marketplace !== lastNonAmazon.marketplace) {
    lastNonAmazon = { marketplace, nonAmazon: /^non-amazon/i.test(marketplace.trim()) };
  }
  return lastNonAmazon.nonAmazon;
}

let lastNonAmazon = { marketplace: '', nonAmazon: false };

/** Reads an amount cell with the file's locale, reporting an issue (and returning undefined) when unreadable. */
export function readAmount<C extends string>(
  ctx: ReaderContext<C>,
  guess: LocaleGuess,
  cells: readonly string[],
  column: C,
  currency: string,
  line: number,
): number | undefined {
  const text = ctx.header.get(cells, column);
  const value = guess.amount(text, currency);
  if (value === undefined) {
    ctx.issue(line, column, ISSUE.notAnAmount(text, THEN.rowSkipped()));
    return undefined;
  }
  return value ?? 0;
}
