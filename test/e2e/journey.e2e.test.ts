import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredApplication } from '../../lib/domain/application.ts';
import {
  acceptOffer,
  addSandboxCatalog,
  applyToAll,
  checkNow,
  dashboardTotals,
  type Journey,
  lenderTimeUntil,
  newNotifications,
  readDashboardList,
  sandboxChannel,
  saveBusinessDetails,
  startJourney,
  storedApplications,
  storedTotals,
  viewOffers,
  viewProfile,
} from '../../scripts/demo.ts';
import { generateDashboard, listTotals } from '../sandbox/dashboard/data.ts';
import { DAY } from '../sandbox/machine.ts';
import { type Sandbox, SteppedClock, startSandbox } from '../sandbox/server.ts';
import { type Launched, launchWithExtension } from './browser.ts';

/** Sandbox speed: a nominal day of lender time is a minute (offers stand 7 minutes). */
const SPEED = 1440;

/**
 * The whole journey of `npm run demo`, with the same steps (scripts/demo.ts), asserting what the
 * seller sees after each. Lender time is stepped to the moment each transition is due.
 */
describe('the whole journey in Chromium: dashboard → profile → offers → apply → tracking', () => {
  let browser: Launched;
  let sandbox: Sandbox;
  let clock: SteppedClock;
  let j: Journey;
  const ids = { bank: '', direct: '', p2p: '' };
  const names = { bank: '', direct: '', p2p: '' };
  let estimates: Record<string, number> = {};

  beforeAll(async () => {
    clock = new SteppedClock(Date.now(), SPEED);
    sandbox = await startSandbox({ speed: SPEED, clock: clock.now });
    browser = await launchWithExtension();
    j = await startJourney(browser, sandbox, clock);
    for (const [key, model] of [
      ['bank', 'bank-partnered'],
      ['direct', 'platform-direct'],
      ['p2p', 'p2p'],
    ] as const) {
      ids[key] = sandboxChannel(sandbox, model).id;
      names[key] = sandboxChannel(sandbox, model).name;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it("reads every page of the dashboard's orders and payouts; the stored totals are what the dashboard generated", async () => {
    const data = generateDashboard();
    const orders = await readDashboardList(j, 'orders');
    const payouts = await readDashboardList(j, 'payouts');
    expect(orders).toMatchObject({ pages: 4, rows: data.orders.length, skipped: 0, notices: [] });
    expect(payouts).toMatchObject({ pages: 3, rows: data.payouts.length, skipped: 0, notices: [] });

    const stored = await storedTotals(j, 'shopify');
    expect(stored).toEqual(listTotals(data));
    const stated = await dashboardTotals(j);
    expect(stated.shopify).toEqual(stored);
  });

  it('shows the profile in the popup, and offers from the three models once business details and the catalog are in', async () => {
    expect((await saveBusinessDetails(j)).saved).toBe('Saved.');
    expect((await addSandboxCatalog(j)).added).toBe(
      `Added 3 channels: ${ids.bank}, ${ids.direct}, ${ids.p2p}.`,
    );
    const profile = await viewProfile(j);
    expect(profile.orders).toBe(listTotals(generateDashboard()).orders.toLocaleString('en'));
    expect(profile.band).toBe('A');

    const { offers } = await viewOffers(j);
    expect(offers.map((o) => [o.model, o.selectable])).toEqual([
      ['bank-partnered', true],
      ['platform-direct', true],
      ['p2p', true],
    ]);
    for (const o of offers) expect(o.amount).toMatch(/^\$\d{1,3}(,\d{3})*$/);
    estimates = Object.fromEntries(offers.map((o) => [o.channelId, Number(o.amount.replace(/[$,]/g, ''))]));
  });

  it('applies to all three with one consent: three applications sent, each with its consent receipt', async () => {
    const applied = await applyToAll(j);
    expect(applied.notice).toBe('Applied: 3 applications stored and on their way.');
    const apps = await storedApplications(j);
    expect(apps.map((a) => a.channelId).sort()).toEqual([ids.bank, ids.p2p, ids.direct].sort());
    for (const app of apps) {
      expect(app.outbox.state).toBe('sent');
      expect(app.remote?.id).toMatch(/^app_/);
      expect(app.consent.recipient.channelId).toBe(app.channelId);
      expect(app.consent.fields).toContain('profile.summary');
      expect(app.packet?.consent.receiptId).toBe(app.consent.receiptId);
      expect(app.packet?.requested?.amount?.amount).toBe((estimates[app.channelId] ?? 0) * 100);
    }
    expect(sandbox.applicationCount()).toBe(3);

    // The receipts are listed under Privacy and data, each consent given.
    await j.options.reload();
    const privacy = j.options.getByRole('region', { name: 'Privacy and data' });
    for (const app of apps) {
      const recipient = `${app.consent.recipient.name} (${app.consent.recipient.provider})`;
      await privacy
        .getByRole('row')
        .filter({ hasText: recipient })
        .getByRole('cell', { name: 'Given' })
        .waitFor();
    }
  });

  it('tracks each model to its end: bank reviews, a counter-offer accepted, a P2P listing filled', async () => {
    // Bank-partnered: the data platform's review starts.
    lenderTimeUntil(j, ids.bank, 'in_review');
    let { cards } = await checkNow(j, 'platform-review');
    expect(cards['bank-partnered'].status).toBe('In review');
    expect(cards['bank-partnered'].stages).toEqual([
      'Platform review: pending (current stage)',
      'Bank review: pending',
    ]);

    // A day later: platform review passed, the bank reviews; platform-direct counter-offers.
    lenderTimeUntil(j, ids.bank, 'bank_review');
    lenderTimeUntil(j, ids.direct, 'counter_offer');
    ({ cards } = await checkNow(j, 'bank-review'));
    expect(cards['bank-partnered'].status).toBe('Bank review');
    expect(cards['bank-partnered'].stages).toEqual([
      'Platform review: passed',
      'Bank review (Sandbox Partner Bank): pending (current stage)',
    ]);
    expect(cards['platform-direct'].status).toBe('Counter-offer received');
    expect(cards['platform-direct'].offers).toHaveLength(1);
    const counter = /^Counter-offer: \$([\d,]+)\.00$/.exec(cards['platform-direct'].offers[0] ?? '');
    expect(Number(counter?.[1]?.replace(/,/g, ''))).toBeLessThan(estimates[ids.direct] ?? 0);
    expect(cards.p2p.status).toBe('In review');

    // The seller accepts the counter-offer in the popup; the lender has it.
    expect((await acceptOffer(j, 'platform-direct')).status).toBe('Accepted');
    expect(sandbox.lenderView(ids.direct)?.view.status).toBe('accepted');

    lenderTimeUntil(j, ids.direct, 'funded');
    lenderTimeUntil(j, ids.p2p, 'listed');
    ({ cards } = await checkNow(j, 'listed'));
    expect(cards['platform-direct'].status).toBe('Funded');
    expect(cards.p2p.status).toBe('Listed for lenders');
    expect(cards.p2p.fundedPercent).toBe(0);

    // A day of investors: the progress the lender reports is what the popup shows.
    lenderTimeUntil(j, ids.p2p, 'funding');
    clock.advanceBy(DAY);
    ({ cards } = await checkNow(j, 'funding'));
    const lenderPercent = sandbox.lenderView(ids.p2p)?.view.detail.p2p?.fundedPercent ?? -1;
    expect(cards.p2p.status).toBe('Funding');
    expect(lenderPercent).toBeGreaterThan(0);
    expect(lenderPercent).toBeLessThan(100);
    expect(cards.p2p.fundedPercent).toBe(lenderPercent);
    expect(cards.p2p.funding).toMatch(new RegExp(`^${Math.round(lenderPercent)}% funded · \\d+ investors`));
    expect(cards['bank-partnered'].status).toBe('Bank review');

    // The partner bank approves; the seller accepts.
    lenderTimeUntil(j, ids.bank, 'offer');
    ({ cards } = await checkNow(j, 'approved'));
    expect(cards['bank-partnered'].status).toBe('Offer received');
    expect(cards['bank-partnered'].stages).toEqual([
      'Platform review: passed',
      'Bank review (Sandbox Partner Bank): approved',
    ]);
    expect((await acceptOffer(j, 'bank-partnered')).status).toBe('Accepted');

    lenderTimeUntil(j, ids.bank, 'funded');
    lenderTimeUntil(j, ids.p2p, 'funded');
    ({ cards } = await checkNow(j, 'funded'));
    expect(cards['bank-partnered'].status).toBe('Funded');
    expect(cards.p2p.status).toBe('Funded');
    expect(cards.p2p.fundedPercent).toBe(100);

    // Each stored timeline has the lender's stages in order.
    const apps = await storedApplications(j);
    const lenderSteps = (id: string) =>
      (apps.find((a) => a.channelId === id) as StoredApplication).events
        // The lender's events (the extension's own notes carry the status they were made in).
        .filter((e) => e.source === 'channel' || e.status === 'accepted')
        .map((e) => e.status)
        .filter((s, i, all) => s !== all[i - 1]);
    expect(lenderSteps(ids.bank)).toEqual([
      'submitted',
      'in_review',
      'bank_review',
      'offer',
      'accepted',
      'funded',
    ]);
    expect(lenderSteps(ids.direct)).toEqual([
      'submitted',
      'in_review',
      'counter_offer',
      'accepted',
      'funded',
      'repaying', // a day after the money arrived, repayments start from sales
    ]);
    expect(lenderSteps(ids.p2p)).toEqual(['submitted', 'in_review', 'listed', 'funding', 'funded']);
  });

  it('raised a notification for each change that needs the seller, and no other', async () => {
    await newNotifications(j);
    const apps = await storedApplications(j);
    const appId = (channelId: string) => apps.find((a) => a.channelId === channelId)?.id;
    expect(j.notifications.map((n) => [n.id, n.title])).toEqual([
      [`tradeline:${appId(ids.direct)}:counter_offer`, `${names.direct} made you a counter-offer`],
      [`tradeline:${appId(ids.direct)}:funded`, `${names.direct} funded your application`],
      [`tradeline:${appId(ids.bank)}:offer`, `${names.bank} made you an offer`],
      [`tradeline:${appId(ids.bank)}:funded`, `${names.bank} funded your application`],
      [`tradeline:${appId(ids.p2p)}:funded`, `${names.p2p} funded your application`],
    ]);
  });
});
