import { describe, expect, it } from 'vitest';
import { SANDBOX_CHANNELS } from '../channels/catalog/sandbox.ts';
import { ApplicationPacket } from '../domain/application.ts';
import type { Channel } from '../domain/channel.ts';
import { computeProfile } from '../profile/profile.ts';
import { inputFrom, steady } from '../profile/test-input.ts';
import { consentReceipt, consentSheet, NOT_YET_GIVEN, revoke } from './consent.ts';
import { buildPacket, missingFields, type PacketSources } from './packet.ts';

const channel = (id: string) => SANDBOX_CHANNELS.find((c) => c.id === id) as Channel;
const input = inputFrom(steady('2026-10', 14, { sales: 20_000_00, refunds: 200_00 }), '2026-11-15');
const profile = computeProfile(input);
const business = {
  legalName: 'Shenzhen Bright Lamp Trading Co., Ltd.',
  registrationNumber: '91440300MA5XXXXXX',
  country: 'CN',
  yearsTrading: 4,
  contactName: 'Li Wei',
  contactEmail: 'li.wei@example.com',
  contactPhone: '+86 755 0000 0000',
};
const sources = [
  {
    format: 'amazon-settlement-v2',
    kind: 'file' as const,
    periodStart: '2025-09-01',
    periodEnd: '2026-10-31',
    rows: 40_123,
    sha256: 'a'.repeat(64),
  },
];

function sourcesFor(id: string, overrides: Partial<PacketSources> = {}): PacketSources {
  return {
    channel: channel(id),
    requested: { amount: { amount: 30_000_00, currency: 'USD' }, purpose: 'Inventory for Q1' },
    business,
    profile,
    input,
    sources,
    ...overrides,
  };
}

const NOW = new Date('2026-11-15T09:30:00Z');

describe('application packet', () => {
  it('carries only the fields the channel declares', () => {
    const s = sourcesFor('sandbox-platform-direct');
    const packet = buildPacket(s, consentReceipt(s, consentSheet(s), NOW, 'r-1'));
    expect(ApplicationPacket.parse(packet)).toEqual(packet);
    expect(Object.keys(packet).sort()).toEqual([
      'business',
      'channelId',
      'consent',
      'packetVersion',
      'profile',
      'requested',
    ]);
    // platform-direct asks for the legal name, country and email only: no phone, no registration, no provenance.
    expect(packet.business).toEqual({
      legalName: business.legalName,
      country: 'CN',
      contactEmail: 'li.wei@example.com',
    });
    expect(packet.requested).toEqual({ amount: { amount: 30_000_00, currency: 'USD' } });
    expect(packet.provenance).toBeUndefined();
    expect(packet.profile?.summary).toMatchObject({
      score: profile.score,
      band: profile.band,
      monthsOfHistory: 14,
    });
    expect(packet.profile?.monthly).toHaveLength(14);
    expect(packet.profile?.monthly?.[0]).toEqual({
      month: '2025-09',
      orders: 10,
      grossSales: { amount: 20_000_00, currency: 'USD' },
      refunds: { amount: 200_00, currency: 'USD' },
      fees: { amount: 0, currency: 'USD' },
      payouts: { amount: 0, currency: 'USD' },
    });
  });

  it('includes provenance (format, period, rows, SHA-256) for channels that ask for it', () => {
    const s = sourcesFor('sandbox-bank-partnered');
    const packet = buildPacket(s, consentReceipt(s, consentSheet(s), NOW, 'r-2'));
    expect(packet.provenance).toEqual(sources);
    expect(packet.business?.registrationNumber).toBe(business.registrationNumber);
  });

  it('leaves out and lists the business fields not given yet', () => {
    const s = sourcesFor('sandbox-p2p', { business: {} });
    expect(missingFields(s)).toEqual([
      'business.legalName',
      'business.country',
      'business.yearsTrading',
      'business.contactName',
      'business.contactEmail',
    ]);
    const sheet = consentSheet(s);
    expect(sheet.rows.find((r) => r.field === 'business.legalName')).toMatchObject({
      value: NOT_YET_GIVEN,
      given: false,
    });
    const packet = buildPacket(s, consentReceipt(s, sheet, NOW, 'r-3'));
    expect(packet.business).toBeUndefined();
    expect(packet.consent.fields).not.toContain('business.legalName');
  });
});

describe('consent', () => {
  it('the sheet names the recipient, the purpose and every field with its value', () => {
    const sheet = consentSheet(sourcesFor('sandbox-platform-direct'));
    expect(sheet.recipient).toEqual({
      channelId: 'sandbox-platform-direct',
      name: 'Sandbox Receipts Advance (platform lends directly)',
      provider: 'Tradeline sandbox: payment platform',
      url: 'http://127.0.0.1:8787/lenders/sandbox-platform-direct',
    });
    expect(sheet.purpose).toBe(
      'Apply for financing from Sandbox Receipts Advance (platform lends directly) (Tradeline sandbox: payment platform): Inventory for Q1',
    );
    expect(sheet.rows.map((r) => [r.label, r.value])).toEqual([
      ['Amount requested', '$30,000.00'],
      ['Legal name of the business', 'Shenzhen Bright Lamp Trading Co., Ltd.'],
      ['Country', 'CN'],
      ['Contact email', 'li.wei@example.com'],
      [
        'Profile summary (score, band, sales, refund and chargeback rates)',
        expect.stringMatching(
          /^score \d+ \(band [A-E]\), 14 months of history, \$240,000\.00 of sales in the last 12 months$/,
        ),
      ],
      ['Monthly totals (orders, sales, refunds, fees, payouts)', '14 months, 2025-09 to 2026-10'],
    ]);
    expect(sheet.withheld).toContain('Contact phone');
    expect(sheet.withheld).toContain(
      'Your individual orders, customers and addresses (never sent to any channel)',
    );
  });

  it('the receipt records who, what, when, purpose and recipient, and revoking keeps it', () => {
    const s = sourcesFor('sandbox-platform-direct');
    const sheet = consentSheet(s);
    const receipt = consentReceipt(s, sheet, NOW, 'receipt-42');
    expect(receipt).toEqual({
      receiptId: 'receipt-42',
      version: 'tradeline-consent/1',
      consentAt: '2026-11-15T09:30:00.000Z',
      subject: { legalName: business.legalName, contactEmail: business.contactEmail },
      recipient: sheet.recipient,
      purpose: sheet.purpose,
      fields: [
        'requested.amount',
        'business.legalName',
        'business.country',
        'business.contactEmail',
        'profile.summary',
        'profile.monthly',
      ],
    });
    const revoked = revoke(receipt, new Date('2026-11-20T00:00:00Z'));
    expect(revoked).toEqual({ ...receipt, revokedAt: '2026-11-20T00:00:00.000Z' });
    expect(revoke(revoked, new Date('2026-12-01T00:00:00Z')).revokedAt).toBe('2026-11-20T00:00:00.000Z');
  });
});
