// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../test/sandbox/testing.ts';
import type { LedgerEntry } from '../domain/records.ts';
import { createHandlers } from '../messaging/handlers.ts';
import type { Handlers } from '../messaging/router.ts';
import { openTradelineDb } from '../storage/db.ts';

const DAY = 86_400_000;
const ctx = { sender: {}, senderKind: 'extension-page' as const };
let sandbox: TestSandbox;
let handlers: Handlers;
let ids = 0;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  const db = openTradelineDb();
  handlers = createHandlers({
    db: () => db,
    version: 'test',
    now: () => new Date(sandbox.now()),
    random: () => 0.5,
    newId: () => `id-${++ids}`,
    fetchText: async (url) => (await fetch(url)).text(),
    allowLoopbackHttp: true,
  });
});
afterEach(async () => {
  await sandbox.sandbox.close();
});

/** Two years of steady sales on Amazon: 60 orders of $700 a month, paid out twice a month. */
function history(): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  const importId = 'e'.repeat(64);
  for (let m = 0; m < 24; m++) {
    const date = new Date(Date.UTC(2024, 11 + m, 1));
    const month = date.toISOString().slice(0, 7);
    for (let i = 0; i < 60; i++) {
      out.push({
        kind: 'order',
        key: `amazon:order:${month}-${i}`,
        platform: 'amazon',
        date: `${month}-10`,
        importId,
        orderId: `${month}-${i}`,
        gross: { amount: 700_00, currency: 'USD' },
        status: 'paid',
      });
    }
    for (const day of ['01', '15']) {
      out.push({
        kind: 'payout',
        key: `amazon:payout:${month}-${day}`,
        platform: 'amazon',
        date: `${month}-${day}`,
        importId,
        amount: { amount: 20_000_00, currency: 'USD' },
        status: 'paid',
      });
    }
  }
  return out;
}

describe('apply in one click, then track', () => {
  it('prequalifies, shows the consent sheets, applies to the three sandbox lenders once, and tracks them', async () => {
    const entries = history();
    await handlers.importEntries(
      {
        provenance: {
          kind: 'file',
          name: 'settlements.txt',
          size: 1,
          format: 'amazon-settlement-v2',
          sha256: 'e'.repeat(64),
          rows: entries.length,
          readAt: '2026-12-01T00:00:00.000Z',
        },
        platform: 'amazon',
        entries,
      },
      ctx,
    );
    // The seller adds the sandbox's catalog (its lenders on this test's port).
    const added = await handlers.addCatalog({ url: `${sandbox.origin}/lenders` }, ctx);
    expect(added).toEqual({
      ok: true,
      added: ['sandbox-bank-partnered', 'sandbox-platform-direct', 'sandbox-p2p'],
    });

    const { offers } = await handlers.getOffers({}, ctx);
    const sandboxOffers = offers.filter((o) => o.channelId.startsWith('sandbox-'));
    expect(sandboxOffers.map((o) => [o.channelId, o.eligible])).toEqual(
      expect.arrayContaining([
        ['sandbox-bank-partnered', true],
        ['sandbox-platform-direct', true],
        ['sandbox-p2p', true],
      ]),
    );

    const request = {
      channelIds: ['sandbox-bank-partnered', 'sandbox-platform-direct', 'sandbox-p2p'],
      purpose: 'Inventory for spring',
    };
    const sheets = await handlers.previewApplication(request, ctx);
    expect(sheets[0]?.missing).toContain('business.legalName');
    await expect(handlers.apply({ ...request, submissionId: 'submission-1' }, ctx)).rejects.toThrow(
      /^Give these first: /,
    );
    expect(await handlers.listApplications({}, ctx)).toEqual([]);

    await handlers.saveSettings(
      {
        reportingCurrency: 'USD',
        language: 'en',
        business: {
          legalName: 'Harbour Lights Trading Ltd',
          registrationNumber: '12345678',
          country: 'GB',
          yearsTrading: 4,
          contactName: 'Mei Chen',
          contactEmail: 'mei@harbourlights.example',
        },
      },
      ctx,
    );
    const ready = await handlers.previewApplication(request, ctx);
    expect(ready.every((p) => p.missing.length === 0)).toBe(true);
    expect(ready[1]?.sheet.rows.map((r) => r.field)).toEqual([
      'requested.amount',
      'business.legalName',
      'business.country',
      'business.contactEmail',
      'profile.summary',
      'profile.monthly',
    ]);

    const applied = await handlers.apply({ ...request, submissionId: 'submission-1' }, ctx);
    expect(applied.map((a) => [a.channelId, a.outbox.state, a.status])).toEqual([
      ['sandbox-bank-partnered', 'sent', 'submitted'],
      ['sandbox-platform-direct', 'sent', 'submitted'],
      ['sandbox-p2p', 'sent', 'submitted'],
    ]);
    // The same click delivered twice does not apply twice.
    await handlers.apply({ ...request, submissionId: 'submission-1' }, ctx);
    expect(await handlers.listApplications({}, ctx)).toHaveLength(3);
    expect(sandbox.sandbox.applicationCount()).toBe(3);

    for (let i = 0; i < 24; i++) {
      sandbox.tick(DAY / 4);
      await handlers.tick({}, ctx);
    }
    const tracked = await handlers.listApplications({}, ctx);
    const status = Object.fromEntries(tracked.map((a) => [a.channelId, a.status]));
    expect(status['sandbox-bank-partnered']).toBe('offer');
    expect(['offer', 'counter_offer']).toContain(status['sandbox-platform-direct']);
    expect(['listed', 'funding']).toContain(status['sandbox-p2p']);
  });

  it('keeps a record of a link-out application the seller updates, sending nothing', async () => {
    const app = await handlers.trackLinkOut({ submissionId: 'track-0001', channelId: 'kiva-us' }, ctx);
    expect(app).toMatchObject({
      channelId: 'kiva-us',
      status: 'draft',
      outbox: { state: 'manual' },
      packet: null,
    });
    expect(app.consent.fields).toEqual([]);
    const updated = await handlers.applicationAction(
      { id: app.id, action: { action: 'update', status: 'offer', note: 'Kiva approved 10,000 USD.' } },
      ctx,
    );
    expect(updated.status).toBe('offer');
    await expect(
      handlers.trackLinkOut({ submissionId: 'track-0002', channelId: 'sandbox-p2p' }, ctx),
    ).rejects.toThrow('takes applications through Tradeline: use Apply.');
  });

  it('rejects a malformed catalog with the reason', async () => {
    expect(await handlers.addCatalog({ text: '{"version":1,"channels":[{"id":"X"}]}' }, ctx)).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([expect.stringMatching(/^channels\.0\.id: /)]),
    });
  });
});
