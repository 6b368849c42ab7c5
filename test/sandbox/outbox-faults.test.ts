// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKOFF_MAX_MS,
  type Draft,
  enqueue,
  type OutboxDeps,
  sendDue,
} from '../../lib/applications/outbox.ts';
import { pollDue } from '../../lib/applications/tracking.ts';
import { SANDBOX_CHANNELS } from '../../lib/channels/catalog/sandbox.ts';
import { createChannelClient } from '../../lib/channels/client.ts';
import { ApplicationView, type StoredApplication } from '../../lib/domain/application.ts';
import type { Channel } from '../../lib/domain/channel.ts';
import { applicationStore } from '../../lib/storage/applications-repo.ts';
import { openTradelineDb } from '../../lib/storage/db.ts';
import { mulberry32 } from './faults.ts';
import { BANK, DIRECT, makePacket, P2P, startTestSandbox, type TestSandbox } from './testing.ts';

/**
 * The outbox and status tracking against the real sandbox HTTP server with one request in five
 * failing: 1,000 applications are sent, each exactly once at the lender, and after the lenders
 * decide, every application's status in Tradeline is the lender's.
 */

const APPLICATIONS = 1000;
const HOUR = 3_600_000;
/** One request in five: 500/503 answers, connections cut before or after handling, lost answers. */
const TWENTY_PERCENT = { errorRate: 0.08, dropBeforeRate: 0.04, dropAfterRate: 0.04, duplicateRate: 0.04 };

let t: TestSandbox;
let deps: OutboxDeps;
beforeAll(async () => {
  t = await startTestSandbox();
  const db = await openTradelineDb({ name: 'outbox-faults' });
  deps = {
    store: applicationStore(db),
    clientFor: (app) =>
      createChannelClient({ baseUrl: app.endpoint, allowLoopbackHttp: true, timeoutMs: 5_000 }),
    now: () => new Date(t.now()),
    random: mulberry32(1000),
    pollBaseMs: HOUR,
  };
});
afterAll(async () => {
  await t.sandbox.close();
});

function draft(channelId: string, i: number): Draft {
  const c = SANDBOX_CHANNELS.find((x) => x.id === channelId) as Channel;
  const channel: Channel = { ...c, submission: { kind: 'api', baseUrl: t.baseUrl(channelId) } };
  // Amounts differ so that the lenders' deterministic decisions differ too.
  const packet = makePacket(channelId, (p) => {
    p.requested = { ...p.requested, amount: { amount: (5_000 + (i % 40) * 2_500) * 100, currency: 'USD' } };
  });
  return { channel, packet, consent: packet.consent };
}

/** What the lender holds for an application, read with no fault in the way. */
async function truth(app: StoredApplication): Promise<ApplicationView> {
  const res = await fetch(`${app.endpoint}/applications/${app.remote?.id}`, {
    headers: { authorization: `Bearer ${app.remote?.token}` },
  });
  return ApplicationView.parse(await res.json());
}

describe(`${APPLICATIONS} applications under 20% injected faults`, () => {
  it('end as exactly that many applications at the lenders, each sent once', async () => {
    const channels = [BANK, DIRECT, P2P];
    for (let i = 0; i < APPLICATIONS; i++) {
      await enqueue(deps, `load-${i}`, [draft(channels[i % 3] as string, i)], () => `load-key-${i}`);
    }
    t.sandbox.faults.set({ seed: 1000, ...TWENTY_PERCENT, routes: ['create'] });
    let rounds = 0;
    for (;;) {
      await sendDue(deps, 16);
      const apps = await deps.store.list();
      if (apps.every((a) => a.outbox.state === 'sent' || a.outbox.state === 'failed')) break;
      t.tick(BACKOFF_MAX_MS); // every backoff and stale attempt comes due
      rounds += 1;
      expect(rounds).toBeLessThan(40);
    }
    const faults = t.sandbox.faults.log.length;
    t.sandbox.faults.clear();

    const apps = await deps.store.list();
    expect(apps).toHaveLength(APPLICATIONS);
    expect(apps.filter((a) => a.outbox.state === 'sent')).toHaveLength(APPLICATIONS);
    expect(new Set(apps.map((a) => a.remote?.id)).size).toBe(APPLICATIONS);
    expect(t.sandbox.applicationCount()).toBe(APPLICATIONS);
    // The faults were real: about one create in five failed, and those were sent again.
    expect(faults).toBeGreaterThan(APPLICATIONS * 0.15);
    expect(apps.filter((a) => a.outbox.attempts > 1).length).toBeGreaterThan(APPLICATIONS * 0.12);
    console.info(`outbox-faults: ${faults} faults on create, ${rounds} rounds`);
  }, 120_000);

  it('tracking under the same faults ends with every status the lender decided', async () => {
    t.sandbox.faults.set({ seed: 2000, ...TWENTY_PERCENT, routes: ['read'] });
    // Two lender weeks of polling, every two days, one read in five failing.
    for (let step = 0; step < 7; step++) {
      t.tick(48 * HOUR);
      await pollDue(deps, true);
    }
    const polledFaults = t.sandbox.faults.log.length;
    // The lenders' clock stops; Tradeline keeps polling (faults still on) until it has caught up.
    const apps = await deps.store.list();
    t.sandbox.faults.clear();
    const expected = new Map<string, string>();
    for (const app of apps) expected.set(app.id, (await truth(app)).status);
    t.sandbox.faults.set({ seed: 3000, ...TWENTY_PERCENT, routes: ['read'] });
    let behind = apps.filter((a) => a.status !== expected.get(a.id));
    for (let round = 0; behind.length > 0 && round < 10; round++) {
      await pollDue(deps, true);
      behind = (await deps.store.list()).filter((a) => a.status !== expected.get(a.id));
    }
    t.sandbox.faults.clear();

    const final = await deps.store.list();
    expect(final).toHaveLength(APPLICATIONS);
    expect(final.filter((a) => a.status !== expected.get(a.id)).map((a) => a.id)).toEqual([]);
    expect(t.sandbox.applicationCount()).toBe(APPLICATIONS);
    const byStatus: Record<string, number> = {};
    for (const a of final) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    // The lenders decided different things: the statuses are not all the same.
    expect(Object.keys(byStatus).length).toBeGreaterThan(2);
    expect(polledFaults).toBeGreaterThan(7 * APPLICATIONS * 0.15);
    console.info(
      `outbox-faults: ${polledFaults} faults on reads; final statuses ${JSON.stringify(byStatus)}`,
    );
  }, 180_000);
});
