// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationView } from '../../lib/domain/application.ts';
import { DAY, HOUR, MINUTE } from './machine.ts';
import {
  asking,
  BANK,
  DIRECT,
  makePacket,
  newKey,
  P2P,
  rated,
  START,
  startTestSandbox,
  type TestSandbox,
} from './testing.ts';

// Every lender end to end over real HTTP, at speed 1 with a clock that moves only on `tick`.

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.sandbox.close();
});

async function apply(channelId: string, change?: Parameters<typeof makePacket>[1]) {
  const client = t.client(channelId);
  const created = await client.create(makePacket(channelId, change), newKey());
  const read = () => client.read(created.id, created.token);
  return { client, created, read };
}

const statuses = (v: ApplicationView) => v.events.map((e) => e.status);

describe('bank-partnered', () => {
  it('goes through platform review and bank review to an offer, then is funded once accepted', async () => {
    const { client, created, read } = await apply(BANK);
    expect(created.status).toBe('submitted');
    expect((await read()).status).toBe('submitted');

    t.tick(10 * MINUTE);
    let v = await read();
    expect(v.status).toBe('in_review');
    expect(v.detail.bank).toEqual({
      stage: 'platform_review',
      platformDecision: 'pending',
      bankDecision: 'pending',
    });

    t.tick(DAY);
    v = await read();
    expect(v.status).toBe('bank_review');
    expect(v.detail.bank).toMatchObject({
      stage: 'bank_review',
      platformDecision: 'passed',
      bankDecision: 'pending',
    });
    expect(v.detail.bank?.bankName).toBe('Sandbox Partner Bank');

    t.tick(3 * DAY);
    v = await read();
    expect(v.status).toBe('offer');
    expect(v.detail.bank).toMatchObject({
      stage: 'done',
      platformDecision: 'passed',
      bankDecision: 'approved',
    });
    expect(v.offers).toHaveLength(1);
    const offer = v.offers[0];
    expect(offer).toMatchObject({
      amount: { amount: 40_000_00, currency: 'USD' },
      fee: { amount: 400_00, currency: 'USD' },
      termMonths: 12,
      repaymentStyle: 'fixed-installments',
      counter: false,
    });
    expect(offer?.expiresAt).toBe('2026-12-12T09:10:00.000Z'); // 7 days after the offer

    v = await client.accept(created.id, created.token, offer?.id ?? '');
    expect(v.status).toBe('accepted');
    t.tick(2 * DAY);
    v = await read();
    expect(v.status).toBe('funded');
    expect(v.events.at(-1)?.note).toBe('$40,000.00 paid out');
    expect(statuses(v)).toEqual(['submitted', 'in_review', 'bank_review', 'offer', 'accepted', 'funded']);
    expect(v.events.map((e) => e.source)).toEqual([
      'channel',
      'channel',
      'channel',
      'channel',
      'seller',
      'channel',
    ]);
  });

  it('stamps each stage with the moment it happened, even when read only at the end', async () => {
    const { read } = await apply(BANK);
    t.tick(5 * DAY);
    const v = await read();
    expect(v.status).toBe('offer');
    expect(v.events.map((e) => [e.status, e.at])).toEqual([
      ['submitted', '2026-12-01T09:00:00.000Z'],
      ['in_review', '2026-12-01T09:10:00.000Z'],
      ['bank_review', '2026-12-02T09:10:00.000Z'],
      ['offer', '2026-12-05T09:10:00.000Z'],
    ]);
  });

  it('declines at bank review with the specific reasons and a reapply-after date', async () => {
    const { read } = await apply(BANK, (p) => {
      rated(55, 'D')(p);
      asking(120_000)(p);
    });
    t.tick(10 * MINUTE + DAY + 3 * DAY);
    const v = await read();
    expect(v.status).toBe('declined');
    expect(statuses(v)).toEqual(['submitted', 'in_review', 'bank_review', 'declined']);
    expect(v.detail.bank).toMatchObject({
      stage: 'done',
      platformDecision: 'passed',
      bankDecision: 'declined',
    });
    expect(v.declineReasons).toEqual([
      'The partner bank lends to bands A to C; this profile is band D.',
      "The requested $120,000.00 is more than 3 times the lowest month's sales ($30,000.00).",
    ]);
    expect(v.reapplyAfter).toBe('2027-03-05'); // 90 days after 2026-12-05
    expect(v.offers).toEqual([]);
  });

  it('declines at platform review when the platform data does not pass, at most 4 reasons', async () => {
    const { read } = await apply(BANK, (p) => {
      const s = p.profile?.summary;
      if (!s) return;
      Object.assign(s, { score: 30, band: 'E', monthsOfHistory: 7, refundRate: 0.14 });
      s.avgMonthlySales = { amount: 3_000_00, currency: 'USD' };
      p.requested = { ...p.requested, purpose: 'crypto trading' };
    });
    t.tick(10 * MINUTE + DAY);
    const v = await read();
    expect(v.status).toBe('declined');
    expect(v.detail.bank).toMatchObject({
      stage: 'done',
      platformDecision: 'failed',
      bankDecision: 'pending',
    });
    expect(v.declineReasons).toEqual([
      "Score 30 is below the platform's minimum of 40.",
      'Refund rate 14.0% is above the 10.0% limit.',
      'Average monthly sales of $3,000.00 are below $5,000.00.',
    ]);
  });
});

describe('platform-direct', () => {
  it('offers what was asked; accepted, funded, then repaying', async () => {
    const { client, created, read } = await apply(DIRECT);
    t.tick(10 * MINUTE);
    expect((await read()).status).toBe('in_review');
    t.tick(DAY);
    let v = await read();
    expect(v.status).toBe('offer');
    expect(v.offers[0]).toMatchObject({
      amount: { amount: 40_000_00, currency: 'USD' },
      fee: { amount: 4_000_00, currency: 'USD' },
      repaymentStyle: 'percent-of-sales',
      termMonths: 10, // $44,000 repaid at 12% of a $40,000 month
      counter: false,
    });
    v = await client.accept(created.id, created.token, v.offers[0]?.id ?? '');
    expect(v.status).toBe('accepted');
    t.tick(DAY);
    expect((await read()).status).toBe('funded');
    t.tick(DAY);
    v = await read();
    expect(v.status).toBe('repaying');
    expect(statuses(v)).toEqual(['submitted', 'in_review', 'offer', 'accepted', 'funded', 'repaying']);
  });

  it('counter-offers 10% of TTM net receipts when more is asked; the seller accepts the counter-offer', async () => {
    const { client, created, read } = await apply(DIRECT, asking(60_000));
    t.tick(10 * MINUTE + DAY);
    let v = await read();
    expect(v.status).toBe('counter_offer');
    // $480,000 of sales less 3% refunds = $465,600 of receipts; 10% of that, in whole hundreds.
    expect(v.offers[0]).toMatchObject({ amount: { amount: 46_500_00, currency: 'USD' }, counter: true });
    expect(v.events.at(-1)?.note).toContain('$46,500.00 instead of $60,000.00');
    v = await client.accept(created.id, created.token, v.offers[0]?.id ?? '');
    expect(v.status).toBe('accepted');
    t.tick(DAY);
    expect((await read()).status).toBe('funded');
  });

  it('lets an unaccepted offer expire, and then refuses to accept it', async () => {
    const { client, created, read } = await apply(DIRECT);
    t.tick(10 * MINUTE + DAY + 7 * DAY);
    const v = await read();
    expect(v.status).toBe('expired');
    await expect(client.accept(created.id, created.token, v.offers[0]?.id ?? '')).rejects.toMatchObject({
      status: 409,
      code: 'offer_expired',
      retryable: false,
    });
  });
});

describe('p2p', () => {
  it('lists the loan, funding rises with investors counting up, and it is fully funded', async () => {
    const { read } = await apply(P2P); // band B: 12% a day
    t.tick(10 * MINUTE + 2 * DAY);
    let v = await read();
    expect(v.status).toBe('listed');
    expect(v.detail.p2p).toEqual({
      fundedPercent: 0,
      investors: 0,
      listingEndsAt: '2026-12-17T10:10:00.000Z',
    });

    t.tick(HOUR);
    expect((await read()).status).toBe('funding');
    t.tick(2 * DAY);
    v = await read();
    expect(v.status).toBe('funding');
    expect(v.detail.p2p).toMatchObject({ fundedPercent: 24, investors: 38 });
    t.tick(3 * DAY);
    v = await read();
    expect(v.detail.p2p).toMatchObject({ fundedPercent: 60, investors: 96 });

    t.tick(4 * DAY); // 100% after 8.33 days
    v = await read();
    expect(v.status).toBe('funded');
    expect(v.detail.p2p).toMatchObject({ fundedPercent: 100, investors: 160 });
    expect(statuses(v)).toEqual(['submitted', 'in_review', 'listed', 'funding', 'funded']);
    expect(v.events.at(-1)?.note).toBe('Fully funded by 160 investors');
  });

  it('a listing that ends partly funded becomes a counter-offer for the funded part', async () => {
    const { client, created, read } = await apply(P2P, rated(58, 'C')); // 6% a day: 84% after 14 days
    t.tick(10 * MINUTE + 2 * DAY + HOUR + 14 * DAY);
    let v = await read();
    expect(v.status).toBe('counter_offer');
    expect(v.detail.p2p?.fundedPercent).toBe(84);
    expect(v.offers[0]).toMatchObject({ amount: { amount: 33_600_00, currency: 'USD' }, counter: true });
    v = await client.accept(created.id, created.token, v.offers[0]?.id ?? '');
    expect(v.status).toBe('accepted');
    t.tick(DAY);
    v = await read();
    expect(v.status).toBe('funded');
    expect(statuses(v)).toEqual([
      'submitted',
      'in_review',
      'listed',
      'funding',
      'counter_offer',
      'accepted',
      'funded',
    ]);
  });

  it('a listing below 60% at its end expires', async () => {
    const { read } = await apply(P2P, rated(35, 'E')); // 3% a day: 42%
    t.tick(10 * MINUTE + 2 * DAY + HOUR + 14 * DAY);
    const v = await read();
    expect(v.status).toBe('expired');
    expect(v.detail.p2p?.fundedPercent).toBe(42);
    expect(v.offers).toEqual([]);
    expect(v.events.at(-1)?.note).toBe('Listing ended 42% funded, below the 60% needed');
  });
});

describe('information requests', () => {
  it('asks a young business for a bank statement and resumes review when it arrives', async () => {
    const { client, created, read } = await apply(BANK, (p) => {
      p.business = { ...p.business, yearsTrading: 1.5 };
    });
    t.tick(10 * MINUTE + 2 * HOUR);
    let v = await read();
    expect(v.status).toBe('info_requested');
    expect(v.requests).toEqual([
      {
        id: expect.any(String),
        item: 'bank_statement',
        message:
          'Because you have been trading for less than 2 years, please upload your business bank statements for the last 3 months.',
        status: 'open',
      },
    ]);

    t.tick(HOUR);
    v = await client.uploadDocument(created.id, created.token, {
      requestId: v.requests[0]?.id ?? '',
      filename: 'statement-2026-11.pdf',
      contentType: 'application/pdf',
      contentBase64: Buffer.from('%PDF-1.7 statement').toString('base64'),
    });
    expect(v.status).toBe('in_review');
    expect(v.requests[0]?.status).toBe('answered');
    expect(v.events.at(-1)).toMatchObject({ status: 'in_review', source: 'seller' });

    t.tick(DAY); // a full platform review after the document
    v = await read();
    expect(v.status).toBe('bank_review');
    expect(statuses(v)).toEqual(['submitted', 'in_review', 'info_requested', 'in_review', 'bank_review']);
  });

  it('asks when the packet lists no source for its figures, and expires if nothing arrives', async () => {
    const { read } = await apply(BANK, (p) => {
      p.provenance = [];
    });
    t.tick(10 * MINUTE + 2 * HOUR);
    expect((await read()).requests[0]?.message).toContain('lists no source for its sales figures');
    t.tick(14 * DAY);
    expect((await read()).status).toBe('expired');
  });

  it('refuses a document for a request that does not exist', async () => {
    const { client, created } = await apply(DIRECT);
    const upload = client.uploadDocument(created.id, created.token, {
      requestId: 'nope',
      filename: 'x.pdf',
      contentType: 'application/pdf',
      contentBase64: 'AAAA',
    });
    await expect(upload).rejects.toMatchObject({ status: 422, code: 'unknown_request', field: 'requestId' });
  });
});

describe('withdraw', () => {
  it('works until funded, is recorded as the seller, and is final', async () => {
    const { client, created, read } = await apply(DIRECT);
    t.tick(10 * MINUTE + DAY);
    const offerId = (await read()).offers[0]?.id ?? '';
    let v = await client.withdraw(created.id, created.token, 'Found cheaper money');
    expect(v.status).toBe('withdrawn');
    expect(v.events.at(-1)).toMatchObject({
      status: 'withdrawn',
      source: 'seller',
      note: 'Withdrawn by the seller: Found cheaper money',
    });
    t.tick(30 * DAY);
    v = await client.withdraw(created.id, created.token); // again: nothing changes
    expect(v.status).toBe('withdrawn');
    expect(v.events).toHaveLength(4);
    await expect(client.accept(created.id, created.token, offerId)).rejects.toMatchObject({
      status: 409,
      code: 'invalid_state',
      message: 'The application is withdrawn: it cannot accept an offer.',
    });
  });

  it('is refused once the money is paid out', async () => {
    const { client, created, read } = await apply(DIRECT);
    t.tick(10 * MINUTE + DAY);
    await client.accept(created.id, created.token, (await read()).offers[0]?.id ?? '');
    t.tick(DAY);
    await expect(client.withdraw(created.id, created.token)).rejects.toMatchObject({
      status: 409,
      code: 'invalid_state',
      message: 'The application is funded: it cannot be withdrawn.',
    });
  });
});

describe('speed', () => {
  it('runs lender time N times faster: at 1440x a day of review takes a minute', async () => {
    await t.sandbox.close();
    t = await startTestSandbox(1440);
    const { read } = await apply(BANK);
    t.tick((10 * MINUTE) / 1440 + MINUTE - 1);
    expect((await read()).status).toBe('in_review');
    t.tick(1);
    const v = await read();
    expect(v.status).toBe('bank_review');
    expect(v.events.at(-1)?.at).toBe(new Date(START + (10 * MINUTE) / 1440 + MINUTE).toISOString());
  });
});
