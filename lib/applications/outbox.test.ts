// @vitest-environment node
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BANK,
  DIRECT,
  makePacket,
  P2P,
  startTestSandbox,
  type TestSandbox,
} from '../../test/sandbox/testing.ts';
import { SANDBOX_CHANNELS } from '../channels/catalog/sandbox.ts';
import { type ChannelClient, createChannelClient } from '../channels/client.ts';
import type { StoredApplication } from '../domain/application.ts';
import type { Channel } from '../domain/channel.ts';
import { applicationStore } from '../storage/applications-repo.ts';
import { openTradelineDb } from '../storage/db.ts';
import {
  BACKOFF_MAX_MS,
  backoffMs,
  type Draft,
  enqueue,
  type OutboxDeps,
  STALE_SENDING_MS,
  sendDue,
  sendOne,
} from './outbox.ts';

/** mulberry32: seeded jitter, so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let sandbox: TestSandbox;
let keyCount = 0;
const newKey = () => `idem-${++keyCount}-${Math.random().toString(36).slice(2)}`;

beforeEach(async () => {
  sandbox = await startTestSandbox();
});
afterEach(async () => {
  await sandbox.sandbox.close();
});

function channelOn(id: string): Channel {
  const c = SANDBOX_CHANNELS.find((x) => x.id === id) as Channel;
  return { ...c, submission: { kind: 'api', baseUrl: sandbox.baseUrl(id) } };
}

function draft(channelId: string): Draft {
  const packet = makePacket(channelId);
  return { channel: channelOn(channelId), packet, consent: packet.consent };
}

async function deps(overrides: Partial<OutboxDeps> = {}): Promise<OutboxDeps> {
  const db = await openTradelineDb();
  return {
    store: applicationStore(db),
    clientFor: (app) =>
      createChannelClient({ baseUrl: app.endpoint, allowLoopbackHttp: true, timeoutMs: 2_000 }),
    now: () => new Date(sandbox.now()),
    random: seeded(7),
    ...overrides,
  };
}

describe('backoffMs', () => {
  it('waits a random time up to a doubling cap, never past 10 minutes, never before Retry-After', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 5_000 })),
        (attempt, r, retryAfter) => {
          const wait = backoffMs(attempt, () => r, retryAfter ?? undefined);
          const cap = Math.min(BACKOFF_MAX_MS, 2_000 * 2 ** (attempt - 1));
          expect(wait).toBeLessThanOrEqual(Math.max(cap, retryAfter ?? 0));
          expect(wait).toBeGreaterThanOrEqual(retryAfter ?? 0);
        },
      ),
    );
    expect(backoffMs(1, () => 0.5)).toBe(1_000);
    expect(backoffMs(3, () => 0.5)).toBe(4_000);
    expect(backoffMs(30, () => 0.999)).toBeLessThan(BACKOFF_MAX_MS);
  });
});

describe('outbox', () => {
  it('stores one application per channel before sending, and enqueuing again adds nothing', async () => {
    const d = await deps();
    const first = await enqueue(d, 'sub-1', [draft(BANK), draft(DIRECT), draft(P2P)], newKey);
    const again = await enqueue(d, 'sub-1', [draft(BANK), draft(DIRECT), draft(P2P)], newKey);
    expect(again.map((a) => a.idempotencyKey)).toEqual(first.map((a) => a.idempotencyKey));
    expect((await d.store.list()).map((a) => [a.id, a.status, a.outbox.state])).toEqual([
      ['sub-1:sandbox-bank-partnered', 'queued', 'queued'],
      ['sub-1:sandbox-p2p', 'queued', 'queued'],
      ['sub-1:sandbox-platform-direct', 'queued', 'queued'],
    ]);
    expect(sandbox.sandbox.applicationCount()).toBe(0);

    const sent = await sendDue(d);
    expect(sent.map((a) => a.outbox.state)).toEqual(['sent', 'sent', 'sent']);
    expect(sandbox.sandbox.applicationCount()).toBe(3);
    for (const app of await d.store.list()) {
      expect(app.remote?.token).toBeTruthy();
      expect(app.status).toBe('submitted');
      expect(app.events.map((e) => e.status)).toEqual(['queued', 'submitted']);
    }
  });

  it('never retries a 4xx: the seller sees why', async () => {
    const d = await deps();
    const bad = draft(BANK);
    delete bad.packet?.business?.registrationNumber;
    await enqueue(d, 'sub-2', [bad], newKey);
    const [app] = await sendDue(d);
    expect(app?.outbox).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastError: {
        status: 422,
        code: 'missing_field',
        message: 'Sandbox Export Credit (platform + partner bank) needs business.registrationNumber.',
      },
    });
    expect(app?.events.at(-1)?.note).toBe(
      'Not accepted by Sandbox Export Credit (platform + partner bank): Sandbox Export Credit (platform + partner bank) needs business.registrationNumber.',
    );
    sandbox.tick(60 * 60_000);
    expect(await sendDue(d)).toEqual([]);
    expect(sandbox.sandbox.applicationCount()).toBe(0);
  });

  it('a worker killed mid-send leaves the attempt behind; the next worker sends it again without a duplicate', async () => {
    const d = await deps();
    const [app] = await enqueue(d, 'sub-3', [draft(DIRECT)], newKey);
    // The first worker's request reaches the channel, then the worker dies before the answer is stored.
    const dying: OutboxDeps = {
      ...d,
      inFlight: new Set(),
      clientFor: (a) => {
        const real = createChannelClient({ baseUrl: a.endpoint, allowLoopbackHttp: true });
        return {
          ...real,
          create: (p, k) => real.create(p, k).then(() => new Promise<never>(() => {})),
        } as ChannelClient;
      },
    };
    void sendOne(dying, app?.id as string);
    await expect.poll(() => sandbox.sandbox.applicationCount()).toBe(1);
    const stuck = (await d.store.get(app?.id as string)) as StoredApplication;
    expect(stuck.outbox).toMatchObject({ state: 'sending', attempts: 1 });

    // A new worker: nothing is due until the attempt is stale, then it is sent again, same key.
    const next = await deps({ store: d.store, inFlight: new Set() });
    expect(await sendDue(next)).toEqual([]);
    sandbox.tick(STALE_SENDING_MS);
    const [done] = await sendDue({ ...next, store: d.store });
    expect(done?.outbox).toMatchObject({ state: 'sent', attempts: 2 });
    expect(sandbox.sandbox.applicationCount()).toBe(1);
  });

  it('100 submissions under 20% injected faults end as exactly 100 applications', async () => {
    const d = await deps({
      random: seeded(99),
      // Short timeout: the first answers are slower than it (the lender still creates them).
      clientFor: (app) =>
        createChannelClient({ baseUrl: app.endpoint, allowLoopbackHttp: true, timeoutMs: 250 }),
    });
    const channels = [BANK, DIRECT, P2P];
    for (let i = 0; i < 100; i++) await enqueue(d, `batch-${i}`, [draft(channels[i % 3] as string)], newKey);
    // Timeouts first: ten creations answered after 400 ms, too late for the client.
    sandbox.sandbox.faults.set({ latencyMs: 400, count: 10, routes: ['create'] });
    const firstTen = (await d.store.list()).slice(0, 10);
    await Promise.all(firstTen.map((a) => sendOne(d, a.id)));
    expect((await d.store.list()).filter((a) => a.outbox.lastError?.code === 'timeout')).toHaveLength(10);
    sandbox.sandbox.faults.set({
      seed: 2026,
      errorRate: 0.08,
      dropBeforeRate: 0.04,
      dropAfterRate: 0.04,
      duplicateRate: 0.04,
      routes: ['create'],
    });
    let rounds = 0;
    for (;;) {
      await sendDue(d, 8);
      const apps = await d.store.list();
      if (apps.every((a) => a.outbox.state === 'sent' || a.outbox.state === 'failed')) break;
      sandbox.tick(BACKOFF_MAX_MS); // let every backoff and stale attempt come due
      rounds += 1;
      expect(rounds).toBeLessThan(50);
    }
    const apps = await d.store.list();
    expect(apps).toHaveLength(100);
    expect(apps.filter((a) => a.outbox.state === 'sent')).toHaveLength(100);
    expect(new Set(apps.map((a) => a.remote?.id)).size).toBe(100);
    expect(sandbox.sandbox.applicationCount()).toBe(100);
    // Faults really happened: some applications needed more than one attempt.
    expect(apps.filter((a) => a.outbox.attempts > 1).length).toBeGreaterThan(5);
  });
});
