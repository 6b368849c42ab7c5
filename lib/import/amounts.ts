/**
 * Amount cells as sellers' files write them, to integer minor units without floating point:
 * `1234.56`, `-3.263,25` (pt-BR), `"1,250.00"`, `-€0.04`, `€-0.04`, `($25.99)`, `AU $3,000.00`,
 * `EUR 90,00`, `1.5e2` is not accepted. `--`, `...` and blanks are "no value".
 */

/** `.` or `,` as the decimal mark; `auto` decides per cell (see `decimalMarkOf`). */
export type DecimalMark = '.' | ',' | 'auto';

/** Result: minor units; `null` for an empty cell (blank, `--`, `...`, `-`); `undefined` when unreadable. */
export type AmountResult = number | null | undefined;

const EMPTY = new Set(['', '--', '-', '...', '—', 'n/a', 'N/A']);

/** Currency markers found in cells, longest first so `AU $` wins over `$` and `CA$` over `A$`. */
const MARKERS: ReadonlyArray<readonly [string, string]> = [
  ['AU $', 'AUD'],
  ['AU$', 'AUD'],
  ['CA$', 'CAD'],
  ['A$', 'AUD'],
  ['C $', 'CAD'],
  ['C$', 'CAD'],
  ['US $', 'USD'],
  ['US$', 'USD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['MX$', 'MXN'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['$', 'USD'],
];

/**
 * Strips a currency marker (symbol or ISO code) from a cell and says which currency it names.
 * `$` alone is taken as USD; callers with a currency column should prefer that column.
 */
export function splitCurrencyMarker(text: string): { number: string; currency: string | undefined } {
  let s = text.trim();
  let currency: string | undefined;
  const iso = /(?:^|[\s\d-])([A-Z]{3})$|^([A-Z]{3})(?=[\s\d(+-])/.exec(s);
  if (iso) {
    currency = iso[1] ?? iso[2];
    s = s.replace(/^[A-Z]{3}\s*|\s*[A-Z]{3}$/, '');
  }
  for (const [marker, code] of MARKERS) {
    const at = s.indexOf(marker);
    if (at >= 0) {
      currency ??= code;
      s = s.slice(0, at) + s.slice(at + marker.length);
      break;
    }
  }
  return { number: s.trim(), currency };
}

/** For `auto`: the last of `.`/`,` is the decimal mark, unless a lone separator is followed by exactly three digits (a thousands separator). */
function decimalMarkOf(s: string): '.' | ',' {
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  if (comma >= 0) {
    const commas = s.split(',').length - 1;
    return commas === 1 && !/,\d{3}$/.test(s) ? ',' : '.';
  }
  return '.';
}

/**
 * Parses an amount into minor units of a currency with `exponent` decimals (2 for USD).
 * Extra decimals are rounded half away from zero, as the platforms do.
 */
export function parseAmount(text: string, exponent = 2, mark: DecimalMark = 'auto'): AmountResult {
  // Most cells are plain `-1234.56`: read them in one scan, without the regexes below.
  if (mark !== ',') {
    const plain = parsePlainAmount(text, exponent);
    if (plain !== undefined) return plain;
  }
  let s = text.trim();
  if (EMPTY.has(s)) return null;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  // Sign may stand before or after the currency marker: `-€0.04`, `€-0.04`, `- $5`; once only.
  let signed = false;
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    signed = true;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    signed = true;
    s = s.slice(1).trim();
  }
  if (/[^\d.,\s-]/.test(s)) s = splitCurrencyMarker(s).number;
  if (!signed && (s.startsWith('-') || s.startsWith('−'))) {
    negative = !negative;
    signed = true;
    s = s.slice(1).trim();
  }
  if (!signed && s.endsWith('-')) {
    // Trailing minus (`12.50-`) appears in some ERP re-exports.
    negative = !negative;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(/[\s\u00a0\u202f']/g, '');
  if (s === '' || !/^[\d.,]+$/.test(s) || !/\d/.test(s)) return undefined;
  const decimal = mark === 'auto' ? decimalMarkOf(s) : mark;
  const thousands = decimal === '.' ? ',' : '.';
  const [whole = '', fraction = '', extra] = s.split(decimal);
  if (extra !== undefined) return undefined;
  if (fraction.includes(thousands)) return undefined;
  const digits = whole.split(thousands).join('');
  if (digits === '' && fraction === '') return undefined;
  if (!/^\d*$/.test(digits) || !/^\d*$/.test(fraction)) return undefined;
  const padded = (fraction + '0'.repeat(exponent + 1)).slice(0, exponent + 1);
  // Integer arithmetic on the digit string: no float rounding.
  let minor = Number((digits || '0') + padded.slice(0, exponent));
  if (Number(padded[exponent]) >= 5) minor += 1;
  if (!Number.isSafeInteger(minor)) return undefined;
  return negative && minor !== 0 ? -minor : minor;
}

/**
 * `1234.56`, `-0.5`, `42`: optional minus, digits, optionally a dot and digits, nothing else.
 * Returns what the general path would, or undefined for any other shape (the caller then takes
 * the general path): so a leading `+`, spaces, `.5`, `12.` and numbers too long to be exact here.
 */
function parsePlainAmount(text: string, exponent: number): number | undefined {
  const n = text.length;
  let i = 0;
  const negative = n > 0 && text.charCodeAt(0) === 45; // '-'
  if (negative) i = 1;
  let minor = 0;
  const wholeStart = i;
  for (; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    minor = minor * 10 + d;
  }
  // Up to 15 digits in all stay exact in a double.
  if (i === wholeStart || i - wholeStart + exponent > 15) return undefined;
  let decimals = 0;
  let roundUp = false;
  if (i < n) {
    if (text.charCodeAt(i) !== 46) return undefined; // '.'
    i += 1;
    const fractionStart = i;
    for (; i < n; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return undefined;
      if (decimals < exponent) {
        minor = minor * 10 + d;
        decimals += 1;
      } else if (i === fractionStart + exponent) roundUp = d >= 5; // half away from zero, on the next digit
    }
    if (i === fractionStart) return undefined;
  }
  for (; decimals < exponent; decimals++) minor *= 10;
  if (roundUp) minor += 1;
  return negative && minor !== 0 ? -minor : minor;
}
