import { monthsBetween } from '../../lib/domain/months.ts';
import type { ImportRecord } from '../../lib/domain/records.ts';

export type CoverageState = 'records' | 'covered' | 'none';

/** First and last month a source covers: its period when known, else its first and last month with records. */
export function coveredSpan(imp: ImportRecord): [string, string] | null {
  const first = imp.provenance.periodStart?.slice(0, 7) ?? imp.months[0];
  const last = imp.provenance.periodEnd?.slice(0, 7) ?? imp.months.at(-1);
  if (!first || !last) return null;
  return first <= last ? [first, last] : [last, first];
}

/** Every month from the earliest to the latest any source covers: the columns of the month grid. */
export function coverageMonths(imports: readonly ImportRecord[]): string[] {
  let from: string | undefined;
  let to: string | undefined;
  for (const imp of imports) {
    const span = coveredSpan(imp);
    if (!span) continue;
    if (from === undefined || span[0] < from) from = span[0];
    if (to === undefined || span[1] > to) to = span[1];
  }
  return from && to ? monthsBetween(from, to) : [];
}

/** One source's state in each month of `months`. */
export function coverageOf(imp: ImportRecord, months: readonly string[]): CoverageState[] {
  const withRecords = new Set(imp.months);
  const span = coveredSpan(imp);
  return months.map((m) => {
    if (withRecords.has(m)) return 'records';
    if (span && m >= span[0] && m <= span[1]) return 'covered';
    return 'none';
  });
}
