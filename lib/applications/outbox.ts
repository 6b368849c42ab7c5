import { type ChannelClient, ChannelError } from '../channels/client.ts';
import type {
  ApplicationPacket,
  ApplicationView,
  ConsentReceipt,
  StoredApplication,
} from '../domain/application.ts';
import type { Channel } from '../domain/channel.ts';
import type { ApplicationStore } from '../storage/applications-repo.ts';

/** First retry after ~2 s, doubling, never more than 10 minutes apart. */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 10 * 60_000;
/** An attempt still marked `sending` after this long was cut short (worker killed): it is due again. */
export const STALE_SENDING_MS = 60_000;
/** First status poll after sending; see tracking.ts for the back-off of quiet applications. */
export const POLL_BASE_MS = 60_000;

export interface OutboxDeps {
  store: ApplicationStore;
  clientFor: (app: StoredApplication) => ChannelClient;
  now: () => Date;
  /** In [0, 1): the jitter source (Math.random in production, seeded in tests). */
  random: () => number;
  pollBaseMs?: number;
  /** Applications this worker is sending right now; a new worker (after a restart) starts with none. */
  inFlight?: Set<string>;
}

/**
 * Exponential backoff with "full jitter": a random wait in [0, min(max, base x 2^(attempt-1))],
 * so that many sellers' retries after an outage do not arrive together. A channel's Retry-After
 * is a floor. Hand-written rather than a retry library: the schedule must survive the service
 * worker being stopped, so it lives in IndexedDB as `nextAttemptAt`, not in a loop in memory.
 */
export function backoffMs(attempt: number, random: () => number, retryAfterMs?: number): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  const wait = Math.floor(random() * cap);
  return Math.max(wait, retryAfterMs ?? 0);
}

export interface Draft {
  channel: Channel;
  packet: ApplicationPacket | null;
  consent: ConsentReceipt;
}

/**
 * Stores the applications of one submission before anything is sent: one per channel, keyed by
 * submission and channel, so enqueuing the same submission again (a double click, a retried
 * message) returns what is stored instead of adding more.
 */
export async function enqueue(
  deps: Pick<OutboxDeps, 'store' | 'now'>,
  submissionId: string,
  drafts: readonly Draft[],
  newKey: () => string,
): Promise<StoredApplication[]> {
  const now = deps.now().toISOString();
  const out: StoredApplication[] = [];
  for (const { channel, packet, consent } of drafts) {
    const api = channel.submission.kind === 'api';
    const app: StoredApplication = {
      id: `${submissionId}:${channel.id}`,
      submissionId,
      channelId: channel.id,
      channelName: channel.name,
      model: channel.model,
      endpoint: channel.submission.kind === 'api' ? channel.submission.baseUrl : channel.submission.url,
      idempotencyKey: newKey(),
      packet: api ? packet : null,
      consent,
      outbox: {
        state: api ? 'queued' : 'manual',
        attempts: 0,
        nextAttemptAt: api ? now : null,
        sendingSince: null,
      },
      status: api ? 'queued' : 'draft',
      detail: {},
      offers: [],
      requests: [],
      events: [
        {
          at: now,
          status: api ? 'queued' : 'draft',
          source: 'tradeline',
          note: api ? 'Stored; sending.' : 'Apply on the provider’s site, then record the outcome here.',
        },
      ],
      poll: { nextPollAt: null, intervalMs: POLL_BASE_MS },
      createdAt: now,
      updatedAt: now,
    };
    out.push(await deps.store.putIfAbsent(app));
  }
  return out;
}

function isDue(app: StoredApplication, now: Date): boolean {
  const o = app.outbox;
  if (o.state === 'queued') return o.nextAttemptAt === null || Date.parse(o.nextAttemptAt) <= now.getTime();
  if (o.state === 'sending')
    return o.sendingSince === null || now.getTime() - Date.parse(o.sendingSince) >= STALE_SENDING_MS;
  return false;
}

/** This worker's applications in flight (two alarms must not send one twice at once). */
const workerInFlight = new Set<string>();

/** Takes the view the channel gave at creation into the stored application. */
export function applyCreated(
  app: StoredApplication,
  created: { id: string; token: string; status: StoredApplication['status'] },
  at: string,
  pollBaseMs: number,
): StoredApplication {
  return {
    ...app,
    remote: { id: created.id, token: created.token },
    status: created.status,
    outbox: { ...app.outbox, state: 'sent', nextAttemptAt: null, sendingSince: null },
    events: [
      ...app.events,
      { at, status: created.status, source: 'channel', note: `Received by ${app.channelName}.` },
    ],
    poll: { nextPollAt: new Date(Date.parse(at) + pollBaseMs).toISOString(), intervalMs: pollBaseMs },
    updatedAt: at,
  };
}

/**
 * One attempt for one application. The attempt is recorded before the request leaves, so a
 * worker killed mid-send leaves `sending` behind and the next worker sends again with the same
 * Idempotency-Key: the channel answers with the application it already created.
 */
export async function sendOne(deps: OutboxDeps, id: string): Promise<StoredApplication | undefined> {
  const inFlight = deps.inFlight ?? workerInFlight;
  if (inFlight.has(id)) return undefined;
  inFlight.add(id);
  try {
    const now = deps.now();
    const startedAt = now.toISOString();
    const claimed = await deps.store.update(id, (current) =>
      current.packet && isDue(current, now)
        ? {
            ...current,
            outbox: {
              ...current.outbox,
              state: 'sending',
              attempts: current.outbox.attempts + 1,
              sendingSince: startedAt,
            },
            updatedAt: startedAt,
          }
        : current,
    );
    if (!claimed || claimed.after === claimed.before) return claimed?.after;
    const app = claimed.after;
    if (!app.packet) return app;
    // What the channel answered is applied to the application as stored now: the seller may
    // have withdrawn it (revoking consent) while the request was out, and that must stand.
    let created: Awaited<ReturnType<ChannelClient['create']>>;
    try {
      created = await deps.clientFor(app).create(app.packet, app.idempotencyKey);
    } catch (error) {
      const e =
        error instanceof ChannelError
          ? error
          : new ChannelError({
              status: null,
              code: 'network_error',
              message: String(error),
              retryable: true,
            });
      const at = deps.now();
      const lastError = { code: e.code, message: e.message, status: e.status };
      const written = await deps.store.update(id, (current) => {
        // Cancelled meanwhile (withdrawn while still unsent): no retry.
        if (current.outbox.state !== 'sending') return current;
        return e.retryable
          ? {
              ...current,
              outbox: {
                ...current.outbox,
                state: 'queued',
                sendingSince: null,
                nextAttemptAt: new Date(
                  at.getTime() + backoffMs(current.outbox.attempts, deps.random, e.retryAfterMs),
                ).toISOString(),
                lastError,
              },
              updatedAt: at.toISOString(),
            }
          : {
              ...current,
              outbox: {
                ...current.outbox,
                state: 'failed',
                sendingSince: null,
                nextAttemptAt: null,
                lastError,
              },
              events: [
                ...current.events,
                {
                  at: at.toISOString(),
                  status: current.status,
                  source: 'channel',
                  note: `Not accepted by ${app.channelName}: ${e.message}`,
                },
              ],
              updatedAt: at.toISOString(),
            };
      });
      return written?.after;
    }
    const at = deps.now().toISOString();
    const written = await deps.store.update(id, (current) => {
      const done = applyCreated(current, created, at, deps.pollBaseMs ?? POLL_BASE_MS);
      if (!current.consent.revokedAt) return done;
      // Withdrawn while the request was out: the channel has it all the same. The revocation
      // stands (nothing but a withdrawal is sent for it); the seller is told to withdraw again.
      return {
        ...done,
        events: [
          ...done.events,
          {
            at,
            status: done.status,
            source: 'tradeline',
            note: `${app.channelName} received this application before it was withdrawn: withdraw again to tell ${app.channelName}.`,
          },
        ],
      };
    });
    return written?.after;
  } finally {
    inFlight.delete(id);
  }
}

/** Sends every application that is due, a few at a time. Returns when each has had its attempt. */
export async function sendDue(deps: OutboxDeps, concurrency = 4): Promise<StoredApplication[]> {
  const now = deps.now();
  const due = (await deps.store.list()).filter((a) => isDue(a, now));
  const results: StoredApplication[] = [];
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const app = due[next++] as StoredApplication;
      const result = await sendOne(deps, app.id);
      if (result) results.push(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
  return results;
}

/** When the outbox next needs to wake up (the earliest retry), or null when nothing waits. */
export async function nextWake(deps: Pick<OutboxDeps, 'store'>): Promise<Date | null> {
  let earliest: number | null = null;
  for (const app of await deps.store.list()) {
    const o = app.outbox;
    const t =
      o.state === 'queued' && o.nextAttemptAt
        ? Date.parse(o.nextAttemptAt)
        : o.state === 'sending' && o.sendingSince
          ? Date.parse(o.sendingSince) + STALE_SENDING_MS
          : app.poll.nextPollAt
            ? Date.parse(app.poll.nextPollAt)
            : null;
    if (t !== null && (earliest === null || t < earliest)) earliest = t;
  }
  return earliest === null ? null : new Date(earliest);
}

export type { ApplicationView };
