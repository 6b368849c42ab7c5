// Profile computation over 1,000,000 stored orders, next to merely summing their amounts.
import type { LedgerEntry } from '../../lib/domain/records.ts';
import { ProfileAccumulator } from '../../lib/profile/input.ts';
import { computeProfile } from '../../lib/profile/profile.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const entries: LedgerEntry[] = [];
const start = Date.UTC(2024, 0, 1);
for (let i = 0; i < N; i++) {
  const date = new Date(start + Math.floor((i / N) * 700) * 86_400_000).toISOString().slice(0, 10);
  const currency = i % 10 === 0 ? 'EUR' : 'USD';
  entries.push({
    kind: 'order',
    key: `o${i}`,
    platform: i % 3 === 0 ? 'amazon' : 'shopify',
    date,
    importId: 'a'.repeat(64),
    orderId: `o${i}`,
    gross: { amount: 1000 + (i % 5000), currency },
    status: 'paid',
  });
}

function best(runs: number, work: () => unknown): number {
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    work();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

let check = 0;
const sumMs = best(5, () => {
  let usd = 0;
  let eur = 0;
  for (const e of entries) {
    if (e.kind !== 'order') continue;
    if (e.gross.currency === 'USD') usd += e.gross.amount;
    else eur += e.gross.amount;
  }
  check = usd + eur;
});
let score = 0;
const profileMs = best(5, () => {
  const acc = new ProfileAccumulator();
  for (const e of entries) acc.add(e);
  const { input } = acc.build('USD', '2025-12-15');
  score = computeProfile(input).score;
});
// What the extension does on popup open: the profile from stored monthly totals (already aggregated).
const acc = new ProfileAccumulator();
for (const e of entries) acc.add(e);
const fromTotalsMs = best(20, () => computeProfile(acc.build('USD', '2025-12-15').input));
process.stdout.write(
  JSON.stringify({
    rows: N,
    sumMs,
    profileMs,
    fromTotalsMs,
    check,
    score,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
