// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BANK,
  DIRECT,
  makePacket,
  newKey,
  P2P,
  startTestSandbox,
  type TestSandbox,
} from '../../test/sandbox/testing.ts';
import { createChannelClient } from '../channels/client.ts';
import type { LedgerEntry } from '../domain/records.ts';
import { createHandlers, type HandlerDeps } from '../messaging/handlers.ts';
import type { Handlers } from '../messaging/router.ts';
import { openTradelineDb } from '../storage/db.ts';

// What reaches a channel, and what a channel can reach: only its own applications, only over
// HTTPS (loopback only in development builds), only once the seller granted its origin.

const DAY = 86_400_000;
const ctx = { sender: {}, senderKind: 'extension-page' as const };
const SELLER = {
  reportingCurrency: 'USD',
  language: 'en' as const,
  business: {
    legalName: 'Harbour Lights Trading Ltd',
    registrationNumber: '12345678',
    country: 'GB',
    yearsTrading: 4,
    contactName: 'Mei Chen',
    contactEmail: 'mei@harbourlights.example',
  },
};
const ALL = [BANK, DIRECT, P2P];
let t: TestSandbox;
let ids = 0;

beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.sandbox.close();
});

/** Two years of steady sales: every sandbox lender prequalifies the seller. */
function history(): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  const importId = 'e'.repeat(64);
  for (let m = 0; m < 24; m++) {
    const month = new Date(Date.UTC(2024, 11 + m, 1)).toISOString().slice(0, 7);
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
  }
  return out;
}

async function seller(deps: Partial<HandlerDeps>): Promise<Handlers> {
  const db = openTradelineDb();
  const handlers = createHandlers({
    db: () => db,
    version: 'test',
    now: () => new Date(t.now()),
    random: () => 0.5,
    newId: () => `id-${++ids}`,
    fetchText: async (url) => (await fetch(url)).text(),
    allowLoopbackHttp: true,
    ...deps,
  });
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
  await handlers.saveSettings(SELLER, ctx);
  return handlers;
}

/** The sandbox catalog, added from its file (what a release build would have to do too). */
async function addSandboxCatalog(handlers: Handlers) {
  const text = await (await fetch(`${t.origin}/lenders`)).text();
  return handlers.addCatalog({ text }, ctx);
}

describe('a channel only ever sees its own applications', () => {
  it('each lender receives only its own application ids and tokens, and answers only about them', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const handlers = await seller({
      clientFor: (app) =>
        createChannelClient({
          baseUrl: app.endpoint,
          allowLoopbackHttp: true,
          fetch: (input, init) => {
            const headers = new Headers(init?.headers);
            seen.push({ url: String(input), auth: headers.get('authorization') });
            return fetch(input, init);
          },
        }),
    });
    await addSandboxCatalog(handlers);
    const applied = await handlers.apply(
      { submissionId: 'submission-1', channelIds: ALL, purpose: 'Inventory' },
      ctx,
    );
    expect(applied.map((a) => a.outbox.state)).toEqual(['sent', 'sent', 'sent']);
    for (let i = 0; i < 8; i++) {
      t.tick(DAY / 4);
      await handlers.tick({ force: true }, ctx);
    }
    const apps = await handlers.listApplications({}, ctx);
    expect(apps).toHaveLength(3);
    for (const app of apps) {
      const own = seen.filter((s) => s.url.startsWith(`${t.origin}/lenders/${app.channelId}/`));
      const reads = own.filter((s) => s.auth !== null);
      expect(reads.length).toBeGreaterThan(0);
      for (const r of reads) {
        expect(r.url).toBe(`${t.origin}/lenders/${app.channelId}/applications/${app.remote?.id}`);
        expect(r.auth).toBe(`Bearer ${app.remote?.token}`);
      }
      // No other application's id or token was ever sent to this lender.
      for (const other of apps.filter((a) => a !== app)) {
        for (const s of own) {
          expect(s.url).not.toContain(other.remote?.id);
          expect(s.auth ?? '').not.toContain(other.remote?.token);
        }
      }
    }
  });

  it('a lender refuses an application that is not its own, even with that application’s token', async () => {
    const bank = t.client(BANK);
    const direct = t.client(DIRECT);
    const mine = await bank.create(makePacket(BANK), newKey());
    const theirs = await direct.create(makePacket(DIRECT), newKey());
    const read = (channel: string, id: string, token: string) =>
      fetch(`${t.origin}/lenders/${channel}/applications/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    let res = await read(BANK, theirs.id, theirs.token);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('application_not_found');
    res = await read(BANK, mine.id, theirs.token);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('invalid_token');
    res = await read(BANK, mine.id, mine.token);
    expect(res.status).toBe(200);
    expect((await res.json()).id).toBe(mine.id);
  });
});

describe('nothing is sent to a channel the seller has not allowed', () => {
  it('an origin not granted: the application fails with what to do, the lender receives nothing', async () => {
    const asked: string[] = [];
    const handlers = await seller({
      hostPermitted: async (origin) => {
        asked.push(origin);
        return false;
      },
    });
    await addSandboxCatalog(handlers);
    const [app] = await handlers.apply(
      { submissionId: 'submission-2', channelIds: [DIRECT], purpose: 'Inventory' },
      ctx,
    );
    expect(app?.outbox.state).toBe('failed');
    expect(app?.outbox.lastError?.code).toBe('not_permitted');
    expect(app?.events.at(-1)?.note).toMatch(/allow access to 127\.0\.0\.1:\d+ when the browser asks/);
    expect(asked).toEqual([t.origin]);
    expect(t.sandbox.applicationCount()).toBe(0);
  });

  it('a release build refuses plain-HTTP channels and catalogs, even on loopback', async () => {
    const handlers = await seller({ allowLoopbackHttp: false });
    await expect(handlers.addCatalog({ url: `${t.origin}/lenders` }, ctx)).rejects.toThrow(
      /over plain HTTP: channels must use HTTPS\.$/,
    );
    await addSandboxCatalog(handlers);
    const [app] = await handlers.apply(
      { submissionId: 'submission-3', channelIds: [BANK], purpose: 'Inventory' },
      ctx,
    );
    expect(app?.outbox.state).toBe('failed');
    expect(app?.outbox.lastError?.code).toBe('insecure_url');
    expect(t.sandbox.applicationCount()).toBe(0);
  });
});
