/**
 * Fixtures for the popup's tests, built with the project's own code and validated with the
 * protocol's zod schemas, so that they look exactly like what the background answers.
 */
import { consentSheet } from '../../lib/applications/consent.ts';
import { missingFields, type PacketSources } from '../../lib/applications/packet.ts';
import { PUBLISHED_PROGRAMS } from '../../lib/channels/catalog/published-programs.ts';
import { SANDBOX_CHANNELS } from '../../lib/channels/catalog/sandbox.ts';
import { type BusinessDetails, StoredApplication } from '../../lib/domain/application.ts';
import { type Channel, OfferEstimate } from '../../lib/domain/channel.ts';
import { type Overview, PROTOCOL } from '../../lib/messaging/protocol.ts';
import { computeProfile } from '../../lib/profile/profile.ts';
import { inputFrom, steady } from '../../lib/profile/test-input.ts';
import type { OffersData, Preview, PreviewRequest } from './api.ts';

const channel = (id: string): Channel => {
  const found = [...SANDBOX_CHANNELS, ...PUBLISHED_PROGRAMS].find((c) => c.id === id);
  if (!found) throw new Error(`no channel ${id}`);
  return found;
};

export const BANK = channel('sandbox-bank-partnered');
export const DIRECT = channel('sandbox-platform-direct');
export const P2P = channel('sandbox-p2p');
export const SHOPIFY = channel('shopify-capital');

const estimate = (e: Partial<OfferEstimate> & Pick<OfferEstimate, 'channelId' | 'model' | 'eligible'>) =>
  OfferEstimate.parse({
    amount: null,
    fee: null,
    apr: null,
    totalRepayment: null,
    termMonths: null,
    currency: 'USD',
    repaymentStyle: 'fixed-installments',
    gaps: [],
    ...e,
  });

/** Deliberately not in display order: the tab sorts. */
export const OFFERS: OffersData = PROTOCOL.getOffers.response.parse({
  channels: [BANK, DIRECT, P2P, SHOPIFY],
  offers: [
    estimate({
      channelId: P2P.id,
      model: 'p2p',
      eligible: false,
      gaps: [
        { code: 'monthsOfHistory_low', message: '2 more months of history' },
        { code: 'refundRate_high', message: 'refund rate 7.1% above 5%' },
      ],
    }),
    estimate({
      channelId: DIRECT.id,
      model: 'platform-direct',
      eligible: true,
      amount: 18_400,
      fee: 1_840,
      apr: 0.2843,
      totalRepayment: 20_240,
      termMonths: 9,
      repaymentStyle: 'percent-of-sales',
    }),
    estimate({
      channelId: SHOPIFY.id,
      model: 'platform-direct',
      eligible: true,
      amount: 12_000,
      fee: 1_560,
      apr: 0.31,
      totalRepayment: 13_560,
      termMonths: 10,
      repaymentStyle: 'percent-of-sales',
    }),
    estimate({
      channelId: BANK.id,
      model: 'bank-partnered',
      eligible: true,
      amount: 36_000,
      fee: 360,
      apr: 0.1125,
      totalRepayment: 38_138,
      termMonths: 12,
      repaymentStyle: 'fixed-installments',
    }),
  ],
});

const INPUT = inputFrom(
  steady('2026-10', 14, { sales: 12_400_00, refunds: 300_00, orders: 20 }),
  '2026-11-20',
);
const PROFILE = computeProfile(INPUT);

export const COMPLETE_BUSINESS: Partial<BusinessDetails> = {
  legalName: 'Shenzhen Bright Lamp Trading Co., Ltd.',
  registrationNumber: '91440300MA5F000000',
  country: 'CN',
  yearsTrading: 4,
  contactName: 'Li Wei',
  contactEmail: 'li.wei@brightlamp.example',
};

/** What `previewApplication` answers, computed by lib/applications for a seller with these details. */
export function previews(request: PreviewRequest, business: Partial<BusinessDetails>): Preview[] {
  const answer = request.channelIds.map((id) => {
    const s: PacketSources = {
      channel: channel(id),
      requested: { amount: { amount: 18_400_00, currency: 'USD' }, purpose: request.purpose },
      business,
      profile: PROFILE,
      input: INPUT,
      sources: [
        {
          format: 'shopify-orders',
          kind: 'file',
          periodStart: '2025-09-01',
          periodEnd: '2026-10-31',
          rows: 280,
          sha256: 'a'.repeat(64),
        },
      ],
    };
    return { channelId: id, sheet: consentSheet(s), missing: missingFields(s) };
  });
  return PROTOCOL.previewApplication.response.parse(answer);
}

const at = (day: string, time = '10:00') => `2026-11-${day}T${time}:00.000Z`;

function application(
  c: Channel,
  over: Partial<StoredApplication> & Pick<StoredApplication, 'status'>,
): StoredApplication {
  const submissionId = '6c1f3e0a-2b4d-4c8e-9f10-5a6b7c8d9e0f';
  return StoredApplication.parse({
    id: `${submissionId}:${c.id}`,
    submissionId,
    channelId: c.id,
    channelName: c.name,
    model: c.model,
    endpoint: c.submission.kind === 'api' ? c.submission.baseUrl : c.submission.url,
    idempotencyKey: `key-${c.id}`,
    packet: null,
    consent: {
      receiptId: `receipt-${c.id}`,
      version: 'tradeline-consent/1',
      consentAt: at('02'),
      subject: { legalName: COMPLETE_BUSINESS.legalName, contactEmail: COMPLETE_BUSINESS.contactEmail },
      recipient: { channelId: c.id, name: c.name, provider: c.provider, url: 'http://127.0.0.1:8787' },
      purpose: 'Working capital: inventory',
      fields: c.requiredFields,
    },
    outbox: { state: 'sent', attempts: 1, nextAttemptAt: null, sendingSince: null },
    remote: { id: `remote-${c.id}`, token: 'token-0123456789abcdef' },
    detail: {},
    offers: [],
    requests: [],
    events: [
      { at: at('02'), status: 'queued', source: 'tradeline', note: 'Stored; sending.' },
      { at: at('02', '10:01'), status: 'submitted', source: 'channel' },
    ],
    poll: { nextPollAt: at('20'), intervalMs: 60_000 },
    createdAt: at('02'),
    updatedAt: at('05'),
    ...over,
  });
}

export const BANK_IN_REVIEW = application(BANK, {
  status: 'bank_review',
  detail: {
    bank: {
      stage: 'bank_review',
      platformDecision: 'passed',
      bankDecision: 'pending',
      bankName: 'Sandbox Partner Bank',
    },
  },
  events: [
    { at: at('02'), status: 'queued', source: 'tradeline', note: 'Stored; sending.' },
    { at: at('02', '10:01'), status: 'submitted', source: 'channel' },
    { at: at('02', '10:11'), status: 'in_review', source: 'channel', note: 'Platform review started' },
    {
      at: at('03', '10:11'),
      status: 'bank_review',
      source: 'channel',
      note: 'Platform review passed; Sandbox Partner Bank is reviewing',
    },
  ],
});

export const P2P_FUNDING = application(P2P, {
  status: 'funding',
  detail: { p2p: { fundedPercent: 62, investors: 96, listingEndsAt: at('30') } },
});

export const DIRECT_INFO = application(DIRECT, {
  status: 'info_requested',
  requests: [
    {
      id: 'req-1',
      item: 'bank_statement',
      message: 'Please send your latest business bank statement (PDF).',
      status: 'open',
    },
  ],
});

export const DIRECT_COUNTER = application(DIRECT, {
  status: 'counter_offer',
  offers: [
    {
      id: 'offer-1',
      amount: { amount: 15_000_00, currency: 'USD' },
      fee: { amount: 1_500_00, currency: 'USD' },
      apr: 0.262,
      termMonths: 9,
      repaymentStyle: 'percent-of-sales',
      counter: true,
      expiresAt: at('27'),
    },
  ],
});

export const FAILED = application(BANK, {
  status: 'queued',
  remote: undefined,
  outbox: {
    state: 'failed',
    attempts: 1,
    nextAttemptAt: null,
    sendingSince: null,
    lastError: {
      code: 'invalid_packet',
      message: 'business.registrationNumber: expected 18 characters',
      status: 422,
    },
  },
});

export const RETRYING = application(P2P, {
  status: 'queued',
  remote: undefined,
  outbox: {
    state: 'queued',
    attempts: 3,
    nextAttemptAt: at('20', '10:05'),
    sendingSince: null,
    lastError: { code: 'unavailable', message: 'The lender did not answer (503).', status: 503 },
  },
});

/** A seller with two months of Shopify sales, as the first Popup tests had it. */
export const OVERVIEW: Overview = {
  imports: 1,
  records: 5,
  orders: 5,
  firstMonth: '2026-01',
  lastMonth: '2026-02',
  platforms: ['shopify'],
  months: [],
  settings: { reportingCurrency: 'USD', language: 'en' },
};
