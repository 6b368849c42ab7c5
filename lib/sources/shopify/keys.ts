/**
 * Helpers shared by the Shopify formats (local: lib/sources/entries.ts has no equivalent yet).
 */

/**
 * Numbers keys that repeat within one file: the first occurrence keeps the key as it is, the
 * later ones get `:2`, `:3`… Re-reading the same file yields the same keys.
 */
export class Occurrences {
  private readonly seen = new Map<string, number>();

  key(base: string): string {
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}:${n}`;
  }
}

/**
 * A Shopify timestamp (`2025-06-30 23:32:39 -0400`, also `2025-06-30T23:32:39-04:00`) as epoch
 * milliseconds, only to put events in order; NaN when unreadable.
 */
export function shopifyTimestamp(text: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return Number.NaN;
  const zone = m[3] === undefined ? 'Z' : m[3] === 'Z' ? 'Z' : `${m[3].slice(0, 3)}:${m[3].slice(-2)}`;
  return Date.parse(`${m[1]}T${m[2]}${zone}`);
}

/** Sorts by timestamp, then by line (events with unreadable times keep file order at the end). */
export function chronological<T extends { stamp: number; line: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    const byTime =
      (Number.isNaN(a.stamp) ? Infinity : a.stamp) - (Number.isNaN(b.stamp) ? Infinity : b.stamp);
    return byTime !== 0 && !Number.isNaN(byTime) ? byTime : a.line - b.line;
  });
}
