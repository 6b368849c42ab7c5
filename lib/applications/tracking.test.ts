// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  asking,
  BANK,
  DIRECT,
  makePacket,
  P2P,
  startTestSandbox,
  type TestSandbox,
} from '../../test/sandbox/testing.ts';
import { SANDBOX_CHANNELS } from '../channels/catalog/sandbox.ts';
import { createChannelClient } from '../channels/client.ts';
import type { ApplicationPacket } from '../domain/application.ts';
import type { Channel } from '../domain/channel.ts';
import { applicationStore } from '../storage/applications-repo.ts';
import { openTradelineDb } from '../storage/db.ts';
import { enqueue, sendDue } from './outbox.ts';
import {
  accept,
  answerRequest,
  type Change,
  POLL_MAX_MS,
  pollDue,
  recordOwnUpdate,
  refresh,
  type TrackingDeps,
  withdraw,
} from './tracking.ts';

const DAY = 24 * 60 * 60_000;
let sandbox: TestSandbox;
let changes: Change[];

beforeEach(async () => {
  sandbox = await startTestSandbox();
  changes = [];
});
afterEach(async () => {
  await sandbox.sandbox.close();
});

async function deps(): Promise<TrackingDeps> {
  const db = await openTradelineDb();
  return {
    store: applicationStore(db),
    clientFor: (app) => createChannelClient({ baseUrl: app.endpoint, allowLoopbackHttp: true }),
    now: () => new Date(sandbox.now()),
    random: () => 0.5,
    pollBaseMs: 60_000,
    inFlight: new Set(),
    onChange: (c) => changes.push(c),
  };
}

function channelOn(id: string): Channel {
  const c = SANDBOX_CHANNELS.find((x) => x.id === id) as Channel;
  return { ...c, submission: { kind: 'api', baseUrl: sandbox.baseUrl(id) } };
}

async function submit(d: TrackingDeps, channelId: string, change?: (p: ApplicationPacket) => void) {
  const packet = makePacket(channelId, change);
  const [app] = await enqueue(
    d,
    `s-${channelId}`,
    [{ channel: channelOn(channelId), packet, consent: packet.consent }],
    () => `k-${channelId}-${Math.random()}`,
  );
  await sendDue(d);
  return app?.id as string;
}

/** Moves lender time on by `ms` in steps, polling whatever is due, as the alarms would. */
async function live(d: TrackingDeps, ms: number, step = DAY / 4) {
  for (let t = 0; t < ms; t += step) {
    sandbox.tick(step);
    await pollDue(d);
  }
}

describe('tracking', () => {
  it('bank-partnered: platform review, then bank review, an offer the seller accepts, funded', async () => {
    const d = await deps();
    const id = await submit(d, BANK);
    await live(d, 6 * DAY);
    let app = await d.store.get(id);
    expect(app?.status).toBe('offer');
    expect(app?.detail.bank).toMatchObject({ platformDecision: 'passed', bankDecision: 'approved' });
    const statuses = app?.events.filter((e) => e.source === 'channel').map((e) => e.status);
    expect(statuses).toEqual(expect.arrayContaining(['submitted', 'in_review', 'bank_review', 'offer']));
    expect(statuses?.indexOf('in_review')).toBeLessThan(statuses?.indexOf('bank_review') ?? -1);
    expect(changes.filter((c) => c.needsSeller).map((c) => c.to)).toEqual(['offer']);

    app = await accept(d, id, app?.offers[0]?.id as string);
    expect(app.status).toBe('accepted');
    expect(app.events.some((e) => e.source === 'seller' && e.note?.startsWith('Accepted offer'))).toBe(true);
    await live(d, 3 * DAY);
    expect((await d.store.get(id))?.status).toBe('funded');
    expect(changes.filter((c) => c.needsSeller).map((c) => c.to)).toEqual(['offer', 'funded']);
  });

  it('platform-direct: a counter-offer for less than asked, accepted by the seller', async () => {
    const d = await deps();
    const id = await submit(d, DIRECT, asking(100_000));
    await live(d, 3 * DAY);
    const app = await d.store.get(id);
    expect(app?.status).toBe('counter_offer');
    const counter = app?.offers.find((o) => o.counter);
    expect(counter?.amount.amount).toBeLessThan(100_000_00);
    expect((await accept(d, id, counter?.id as string)).status).toBe('accepted');
  });

  it('p2p: listed, funding rises, funded', async () => {
    const d = await deps();
    const id = await submit(d, P2P);
    await live(d, 3 * DAY);
    const listed = await d.store.get(id);
    expect(['listed', 'funding']).toContain(listed?.status);
    await live(d, 20 * DAY, DAY);
    const app = await d.store.get(id);
    const percents = app?.events.length ? app.detail.p2p?.fundedPercent : undefined;
    expect(app?.status === 'funded' || app?.status === 'counter_offer').toBe(true);
    expect(percents).toBeGreaterThanOrEqual(60);
  });

  it('an info request is answered with a document and review resumes', async () => {
    const d = await deps();
    const id = await submit(d, DIRECT, (p) => {
      if (p.business) p.business.yearsTrading = 1;
    });
    await live(d, DAY);
    const asked = await d.store.get(id);
    expect(asked?.status).toBe('info_requested');
    expect(changes.some((c) => c.to === 'info_requested' && c.needsSeller)).toBe(true);
    const request = asked?.requests.find((r) => r.status === 'open');
    expect(request?.item).toBe('bank_statement');
    const answered = await answerRequest(d, id, {
      requestId: request?.id as string,
      filename: 'statement-2026-10.pdf',
      contentType: 'application/pdf',
      contentBase64: Buffer.from('%PDF-1.4 statement').toString('base64'),
    });
    expect(answered.status).toBe('in_review');
    expect(answered.requests.find((r) => r.id === request?.id)?.status).toBe('answered');
  });

  it('withdrawing revokes the consent and is recorded, at the channel or locally', async () => {
    const d = await deps();
    const sent = await submit(d, DIRECT);
    const withdrawn = await withdraw(d, sent, 'Found cheaper money.');
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.consent.revokedAt).toBe(new Date(sandbox.now()).toISOString());
    expect(withdrawn.events.at(-1)).toMatchObject({ status: 'withdrawn' });

    const packet = makePacket(BANK);
    const [queued] = await enqueue(
      d,
      'later',
      [{ channel: channelOn(BANK), packet, consent: packet.consent }],
      () => 'k-late',
    );
    const local = await withdraw(d, queued?.id as string);
    expect(local).toMatchObject({ status: 'withdrawn', outbox: { state: 'failed', nextAttemptAt: null } });
    expect(await sendDue(d)).toEqual([]);
    expect(sandbox.sandbox.applicationCount()).toBe(1);
  });

  it('a revocation the channel cannot be told about is still recorded, and nothing more is sent', async () => {
    const d = await deps();
    const id = await submit(d, DIRECT);
    const requests: string[] = [];
    const unreachable: TrackingDeps = {
      ...d,
      clientFor: (app) =>
        createChannelClient({
          baseUrl: app.endpoint,
          allowLoopbackHttp: true,
          fetch: async (input) => {
            requests.push(String(input));
            throw new TypeError('fetch failed');
          },
        }),
    };
    const revoked = await withdraw(unreachable, id, 'Consent revoked by the seller.');
    expect(revoked.consent.revokedAt).toBe(new Date(sandbox.now()).toISOString());
    expect(revoked.status).toBe('submitted');
    expect(revoked.events.at(-1)?.note).toMatch(
      /^Consent revoked\. .* could not be told \(Could not reach 127\.0\.0\.1:\d+ .*\); withdraw again to retry\./,
    );
    expect((await d.store.get(id))?.consent.revokedAt).toBe(revoked.consent.revokedAt);
    requests.length = 0;
    await expect(
      answerRequest(unreachable, id, {
        requestId: 'r1',
        filename: 'statement.pdf',
        contentType: 'application/pdf',
        contentBase64: 'JVBERg==',
      }),
    ).rejects.toThrow(
      /^You revoked your consent for this application on \d{4}-\d\d-\d\d: Tradeline sends .* nothing more for it\.$/,
    );
    await expect(accept(unreachable, id, 'offer-1')).rejects.toThrow(/You revoked your consent/);
    expect(requests).toEqual([]);
    // Withdrawing again, once the channel is reachable, tells it.
    const told = await withdraw(d, id, 'Consent revoked by the seller.');
    expect(told.status).toBe('withdrawn');
  });

  it('polls quiet applications less and less often, and stops at a final status', async () => {
    const d = await deps();
    const id = await submit(d, BANK);
    const intervals: number[] = [];
    for (let i = 0; i < 5; i++) {
      const app = await refresh(d, id);
      intervals.push(app?.poll.intervalMs ?? 0);
    }
    // No lender time passes: nothing changes, and each read doubles the wait.
    expect(intervals).toEqual([120_000, 240_000, 480_000, 960_000, 1_920_000]);
    // A change brings polling back to the base interval.
    sandbox.tick(DAY / 2);
    expect((await refresh(d, id))?.poll.intervalMs).toBe(60_000);
    for (let i = 0; i < 20; i++) await refresh(d, id);
    expect((await d.store.get(id))?.poll.intervalMs).toBe(POLL_MAX_MS);
    await withdraw(d, id);
    expect((await d.store.get(id))?.poll.nextPollAt).toBeNull();
  });

  it('"check now" polls every open application, due or not', async () => {
    const d = await deps();
    await submit(d, BANK);
    expect(await pollDue(d)).toEqual([]); // first poll is a minute away
    const forced = await pollDue(d, true);
    expect(forced.map((a) => a.channelId)).toEqual(['sandbox-bank-partnered']);
  });

  it('link-out channels are tracked by the seller’s own updates', async () => {
    const d = await deps();
    const link = {
      ...channelOn(DIRECT),
      id: 'shopify-capital',
      submission: { kind: 'link' as const, url: 'https://help.shopify.com/capital' },
    };
    const packet = makePacket(DIRECT);
    const [app] = await enqueue(
      d,
      'own',
      [{ channel: link, packet, consent: packet.consent }],
      () => 'k-own',
    );
    expect(app).toMatchObject({ status: 'draft', outbox: { state: 'manual' }, packet: null });
    expect(await sendDue(d)).toEqual([]);
    const updated = await recordOwnUpdate(
      d,
      app?.id as string,
      'offer',
      'Shopify offered $8,000 at 10% of sales.',
    );
    expect(updated.status).toBe('offer');
    expect(updated.events.at(-1)).toMatchObject({
      source: 'seller',
      note: 'Shopify offered $8,000 at 10% of sales.',
    });
  });
});

/**
 * `base` with the lender client's `read` or `create` held after the lender has answered, until
 * `release()`: a request in flight while the seller (or another request) acts.
 */
function holdAfterAnswer(base: TrackingDeps, method: 'read' | 'create') {
  let release: () => void = () => {};
  let answered: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    answered = resolve;
  });
  const hold = () =>
    new Promise<void>((resolve) => {
      answered();
      release = resolve;
    });
  const deps: TrackingDeps = {
    ...base,
    clientFor: (app) => {
      const real = base.clientFor(app);
      const after = async <T>(answer: Promise<T>): Promise<T> => {
        const value = await answer;
        await hold();
        return value;
      };
      return method === 'read'
        ? { ...real, read: (remoteId, token) => after(real.read(remoteId, token)) }
        : { ...real, create: (p, key) => after(real.create(p, key)) };
    },
  };
  return { deps, started, release: () => release() };
}

describe('tracking under concurrency and clock skew: a status never goes back', () => {
  /** The channel steps of a timeline, as the seller reads them top to bottom (repeats folded). */
  const channelSteps = (events: readonly { status: string; source: string }[]) =>
    events
      .filter((e) => e.source === 'channel')
      .map((e) => e.status)
      .filter((s, i, all) => s !== all[i - 1]);

  it("a clock ahead of the lender's does not put the channel's receipt after its review (the journey flake)", async () => {
    // The browser's clock runs 15 minutes ahead of the lender's (or, in the journey test, the
    // lender's stepped clock is behind the wall clock by however long the machine took).
    const d = { ...(await deps()), now: () => new Date(sandbox.now() + 15 * 60_000) };
    const id = await submit(d, BANK);
    sandbox.tick(10 * 60_000); // the platform review starts 10 minutes after submission
    await refresh(d, id);
    sandbox.tick(DAY);
    const app = await refresh(d, id);
    expect(app?.status).toBe('bank_review');
    expect(channelSteps(app?.events ?? [])).toEqual(['submitted', 'in_review', 'bank_review']);
  });

  it('an older answer arriving after a newer one is not applied: the status stays where the lender is', async () => {
    const base = await deps();
    const id = await submit(base, BANK);
    sandbox.tick(10 * 60_000);
    // Each lender answer is held back until the test lets it through, newest first (the network
    // may deliver the answers to two concurrent reads in either order).
    const held: (() => void)[] = [];
    let heldChanged: () => void = () => {};
    const d: TrackingDeps = {
      ...base,
      clientFor: (app) => {
        const real = base.clientFor(app);
        return {
          ...real,
          read: async (remoteId, token) => {
            const view = await real.read(remoteId, token);
            await new Promise<void>((resolve) => {
              held.push(resolve);
              heldChanged();
            });
            return view;
          },
        };
      },
    };
    const heldCount = (n: number) =>
      new Promise<void>((resolve) => {
        heldChanged = () => {
          if (held.length >= n) resolve();
        };
        heldChanged();
      });

    const first = refresh(d, id); // e.g. the alarm's poll: the lender says in_review
    await heldCount(1);
    sandbox.tick(DAY);
    const second = refresh(d, id); // "Check now": the lender says bank_review
    await heldCount(2);
    held.pop()?.(); // the newer answer arrives first
    expect((await second)?.status).toBe('bank_review');
    held.pop()?.(); // then the older one
    await first;

    const stored = await d.store.get(id);
    expect(stored?.status).toBe('bank_review');
    expect(stored?.detail.bank?.stage).toBe('bank_review');
    // One change, forwards: the older answer neither takes the status back nor notifies again.
    expect(changes.map((c) => [c.from, c.to])).toEqual([['submitted', 'bank_review']]);
    expect(channelSteps(stored?.events ?? [])).toEqual(['submitted', 'in_review', 'bank_review']);
  });

  it('two refreshes at once record a change once: one notification, one step', async () => {
    const d = await deps();
    const id = await submit(d, BANK);
    sandbox.tick(10 * 60_000 + DAY + 3 * DAY); // platform review, bank review, the bank's offer
    const [a, b] = await Promise.all([refresh(d, id), refresh(d, id)]);
    expect([a?.status, b?.status]).toEqual(['offer', 'offer']);
    expect(changes.map((c) => c.to)).toEqual(['offer']);
    const stored = await d.store.get(id);
    expect(stored?.events.filter((e) => e.status === 'offer')).toHaveLength(1);
  });

  it('a consent revoked while a status read is in flight stays revoked', async () => {
    const base = await deps();
    const id = await submit(base, DIRECT);
    const { deps: slow, started, release } = holdAfterAnswer(base, 'read');
    const unreachable: TrackingDeps = {
      ...base,
      clientFor: (app) =>
        createChannelClient({
          baseUrl: app.endpoint,
          allowLoopbackHttp: true,
          fetch: async () => {
            throw new TypeError('fetch failed');
          },
        }),
    };
    const polling = refresh(slow, id);
    await started;
    const revoked = await withdraw(unreachable, id, 'Consent revoked by the seller.');
    release();
    await polling;
    expect((await base.store.get(id))?.consent.revokedAt).toBe(revoked.consent.revokedAt);
  });

  it('an application deleted while its status is read stays deleted', async () => {
    const db = await openTradelineDb();
    const base = await deps();
    const id = await submit(base, DIRECT);
    const { deps: slow, started, release } = holdAfterAnswer(base, 'read');
    const polling = refresh(slow, id);
    await started;
    await db.delete('applications', id); // "delete everything" while the poll is out
    release();
    expect(await polling).toBeUndefined();
    expect(await base.store.get(id)).toBeUndefined();
  });

  it('a withdrawal while the application is being sent is not undone by the answer', async () => {
    const base = await deps();
    const packet = makePacket(DIRECT);
    const [queued] = await enqueue(
      base,
      'racing',
      [{ channel: channelOn(DIRECT), packet, consent: packet.consent }],
      () => 'k-racing',
    );
    const id = queued?.id as string;
    const { deps: slow, started, release } = holdAfterAnswer(base, 'create');
    const send = sendDue(slow);
    await started;
    const withdrawn = await withdraw(base, id, 'Changed my mind.');
    expect(withdrawn.status).toBe('withdrawn');
    release();
    await send;
    // The lender has it (the answer came back), but the seller's revocation stands and they
    // are told to withdraw again; doing so tells the lender.
    const stored = await base.store.get(id);
    expect(stored?.consent.revokedAt).toBe(withdrawn.consent.revokedAt);
    expect(stored?.remote?.id).toMatch(/^app_/);
    expect(stored?.events.at(-1)?.note).toMatch(/received this application before it was withdrawn/);
    await expect(accept(base, id, 'offer-1')).rejects.toThrow(/You revoked your consent/);
    expect((await withdraw(base, id, 'Changed my mind.')).status).toBe('withdrawn');
    expect(sandbox.sandbox.lenderView(DIRECT)?.view.status).toBe('withdrawn');
  });
});
