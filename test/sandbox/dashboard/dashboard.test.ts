import { describe, expect, it } from 'vitest';
import { readReport } from '../../../lib/import/read.ts';
import { amazonSettlementV2 } from '../../../lib/sources/amazon/settlement-v2.ts';
import { generateDashboard, statementFile, statementTotals } from './data.ts';
import { dashboardReply } from './pages.ts';

describe('demo dashboard', () => {
  it('is deterministic for a day, and always ends yesterday', () => {
    const day = new Date('2026-11-29T10:00:00Z');
    const data = generateDashboard(undefined, day);
    expect(data).toEqual(generateDashboard(undefined, new Date('2026-11-29T23:59:00Z')));
    expect(data.orders[0]?.createdAt.slice(0, 10)).toBe('2026-11-28');
    expect(data.orders.at(-1)?.createdAt.slice(0, 7)).toBe('2025-09');
    expect(generateDashboard(undefined, new Date('2027-03-02T08:00:00Z')).orders[0]?.createdAt).toMatch(
      /^2027-03-01 /,
    );
  });

  it('states statement totals the settlement parser agrees with', () => {
    const data = generateDashboard();
    for (const s of data.statements) {
      const read = readReport(new TextEncoder().encode(statementFile(s)), {
        fileName: `${s.id}.txt`,
        importId: 'a'.repeat(64),
        formats: [amazonSettlementV2],
      });
      expect(read.issues).toEqual([]);
      const sum = (kind: string) =>
        read.entries
          .filter((e) => e.kind === kind)
          .reduce(
            (n, e) => n + ('amount' in e ? e.amount.amount : e.kind === 'order' ? e.gross.amount : 0),
            0,
          );
      const t = statementTotals(data, [s.id]);
      expect({
        orders: read.entries.filter((e) => e.kind === 'order').length,
        grossSales: sum('order'),
        fees: sum('fee'),
        payouts: sum('payout'),
      }).toEqual({
        orders: t.orders,
        grossSales: t.grossSales,
        fees: t.fees,
        payouts: t.payouts,
      });
    }
  });

  it('serves paginated lists, statements and totals', () => {
    const data = generateDashboard(undefined, new Date('2026-11-29T10:00:00Z'));
    const q = new URLSearchParams('page=4');
    expect(dashboardReply('/dashboard/orders', q, data).body).toContain('Page 4 of 4');
    expect(dashboardReply('/dashboard/orders', q, data).body).not.toContain('rel="next"');
    expect(dashboardReply('/dashboard/payouts', new URLSearchParams(), data).body).toContain('Page 1 of 3');
    expect(
      dashboardReply('/dashboard/statements/14820763011.txt', new URLSearchParams()).headers['content-type'],
    ).toMatch(/tab-separated/);
    expect(
      JSON.parse(dashboardReply('/dashboard/totals.json', new URLSearchParams()).body).shopify.orders,
    ).toBeGreaterThan(0);
    expect(dashboardReply('/dashboard/nope', new URLSearchParams()).status).toBe(404);
  });
});
