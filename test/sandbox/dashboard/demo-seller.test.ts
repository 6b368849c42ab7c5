import { describe, expect, it } from 'vitest';
import { consentReceipt, consentSheet } from '../../../lib/applications/consent.ts';
import { buildPacket, type PacketSources } from '../../../lib/applications/packet.ts';
import { SANDBOX_CHANNELS } from '../../../lib/channels/catalog/sandbox.ts';
import { prequalifyAll } from '../../../lib/channels/prequalify.ts';
import type { LedgerEntry } from '../../../lib/domain/records.ts';
import { readPage, recognise } from '../../../lib/pages/core/read.ts';
import { demoAdapter } from '../../../lib/pages/demo/reader.ts';
import { ProfileAccumulator } from '../../../lib/profile/input.ts';
import { computeProfile } from '../../../lib/profile/profile.ts';
import { bankPartnered } from '../lenders/bank-partnered.ts';
import { p2p } from '../lenders/p2p.ts';
import { platformDirect } from '../lenders/platform-direct.ts';
import { generateDashboard, listTotals } from './data.ts';
import { dashboardReply } from './pages.ts';

/** Reads every page of a list the way the extension does (the demo adapter over the served HTML). */
async function readList(
  path: string,
  data: ReturnType<typeof generateDashboard>,
  today: Date,
): Promise<{ entries: LedgerEntry[]; months: string[][] }> {
  const entries: LedgerEntry[] = [];
  const months: string[][] = [];
  for (let page = 1; ; page += 1) {
    const url = `http://127.0.0.1:8787${path}?page=${page}`;
    const html = dashboardReply(path, new URLSearchParams(`page=${page}`), data).body;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const kind = recognise(demoAdapter, doc, url);
    if (!kind) throw new Error(`${url} not recognised`);
    const read = await readPage(kind, doc, url, () => today);
    if (!read.ok) throw new Error(read.notice.message);
    expect(read.read.skipped).toEqual([]);
    entries.push(...read.read.entries);
    months.push([...new Set(read.read.entries.map((e) => e.date.slice(0, 7)))].sort());
    if (!html.includes('rel="next"')) return { entries, months };
  }
}

describe('the demo seller (what `npm run demo` reads from the demo dashboard)', () => {
  // The history follows the day the demo runs: whatever the day, the story is the same.
  it.each(['2026-11-29', '2027-03-01', '2028-02-29', '2026-12-31'])(
    'on %s: prequalifies for one sandbox lender of each model, and each lender plays its whole story',
    async (day) => {
      const today = new Date(`${day}T10:00:00Z`);
      const data = generateDashboard(undefined, today);
      const acc = new ProfileAccumulator();
      for (const path of ['/dashboard/orders', '/dashboard/payouts']) {
        const { entries, months } = await readList(path, data, today);
        for (const e of entries) acc.add(e);
        for (const m of months) if (m.length) acc.cover(`${m[0]}-01`, `${m.at(-1)}-01`);
      }
      const input = acc.build('USD', day).input;
      const profile = computeProfile(input);
      expect(profile.metrics.monthsOfHistory).toBe(14);
      expect(profile.band).toBe('A');
      expect(input.months.reduce((n, m) => n + m.orders, 0)).toBe(listTotals(data).orders);

      const offers = prequalifyAll(SANDBOX_CHANNELS, { input });
      expect(offers.map((o) => [o.model, o.eligible, o.gaps])).toEqual(
        expect.arrayContaining([
          ['bank-partnered', true, []],
          ['platform-direct', true, []],
          ['p2p', true, []],
        ]),
      );

      const business = {
        legalName: 'Demo Homewares Ltd',
        registrationNumber: '09876543',
        country: 'GB',
        yearsTrading: 3,
        contactName: 'Ada Seller',
        contactEmail: 'ada@demo-homewares.example',
      };
      const decide = (channelId: string) => {
        const channel = SANDBOX_CHANNELS.find((c) => c.id === channelId);
        const estimate = offers.find((o) => o.channelId === channelId);
        if (!channel || !estimate?.amount) throw new Error(channelId);
        const s: PacketSources = {
          channel,
          requested: {
            amount: { amount: Math.round(estimate.amount * 100), currency: 'USD' },
            purpose: 'Working capital: inventory',
          },
          business,
          profile,
          input,
          sources: [{ format: 'shopify-orders', kind: 'page', rows: 50, sha256: 'a'.repeat(64) }],
        };
        const packet = buildPacket(s, consentReceipt(s, consentSheet(s), today, 'r1'));
        const lender = { 'bank-partnered': bankPartnered, 'platform-direct': platformDirect, p2p }[
          channel.model
        ];
        return lender.decide(packet, channel);
      };
      // Bank-partnered: passes the platform's review and the bank's, asks for nothing.
      expect(decide('sandbox-bank-partnered')).toMatchObject({
        infoRequest: null,
        reviewReasons: [],
        bankReasons: [],
      });
      // Platform-direct: lends 10% of net receipts, less than the 10% of gross sales estimated: a counter-offer.
      const direct = decide('sandbox-platform-direct');
      expect(direct.reviewReasons).toEqual([]);
      expect(direct.amount).toBeLessThan(direct.requested);
      expect(direct.amount).toBeGreaterThanOrEqual(1_000_00);
      // P2P: listed, then investors fill it within the 14 days of the listing.
      const listing = decide('sandbox-p2p');
      expect(listing.reviewReasons).toEqual([]);
      expect(listing.fundingPerDay * 14).toBeGreaterThanOrEqual(100);
    },
  );
});
