import type { StoredProfile } from '../domain/records.ts';
import { ProfileAccumulator, type ProfileInput } from '../profile/input.ts';
import { computeProfile, type Profile } from '../profile/profile.ts';
import type { TradelineDatabase } from './db.ts';
import { listAggregates, listImports, readSettings } from './overview-repo.ts';

/**
 * Recomputes the profile from the stored monthly totals (a few hundred small values at most,
 * whatever the number of orders) and stores it, so the popup only ever reads it.
 */
/** The profile's input from the stored monthly totals and the imports' periods. */
export async function profileInputFromDb(db: TradelineDatabase, asOf: string): Promise<ProfileInput> {
  const [aggregates, imports, settings] = await Promise.all([
    listAggregates(db),
    listImports(db),
    readSettings(db),
  ]);
  const acc = new ProfileAccumulator();
  for (const agg of aggregates) acc.addAggregate(agg);
  // A file covers the months between its first and last record: no sales in between means zero.
  for (const imp of imports) {
    const first = imp.provenance.periodStart ?? (imp.months[0] ? `${imp.months[0]}-01` : undefined);
    const last = imp.provenance.periodEnd ?? (imp.months.at(-1) ? `${imp.months.at(-1)}-01` : undefined);
    if (first && last) acc.cover(first, last);
  }
  return acc.build(settings.reportingCurrency, asOf).input;
}

export async function recomputeProfile(
  db: TradelineDatabase,
  asOf: string,
  now = new Date(),
): Promise<StoredProfile> {
  const [input, settings] = await Promise.all([profileInputFromDb(db, asOf), readSettings(db)]);
  const profile: Profile = computeProfile(input, settings.language === 'zh_CN' ? 'zh-CN' : 'en');
  const stored: StoredProfile = {
    currency: input.currency,
    asOf,
    computedAt: now.toISOString(),
    profile: profile as unknown as StoredProfile['profile'],
    months: input.months.map((m) => ({
      month: m.month,
      covered: m.covered,
      grossSales: m.grossSales,
      refunds: m.refunds,
      payouts: m.payouts,
    })),
  };
  await db.put('profiles', stored, 'current');
  return stored;
}

/** The stored profile when it is for `asOf` and the current reporting currency; otherwise recomputed. */
export async function currentProfile(db: TradelineDatabase, asOf: string): Promise<StoredProfile> {
  const [stored, settings] = await Promise.all([db.get('profiles', 'current'), readSettings(db)]);
  // Profiles stored before the monthly series was kept are recomputed once to gain it.
  if (stored?.months && stored.asOf === asOf && stored.currency === settings.reportingCurrency) return stored;
  return recomputeProfile(db, asOf);
}
