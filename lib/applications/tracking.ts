import { ChannelError } from '../channels/client.ts';
import {
  type ApplicationStatus,
  type ApplicationView,
  type DocumentUpload,
  type StatusEvent,
  type StoredApplication,
  TERMINAL_STATUSES,
} from '../domain/application.ts';
import { revoke } from './consent.ts';
import { type OutboxDeps, POLL_BASE_MS } from './outbox.ts';

/** Quiet applications are polled less and less often, down to once every 6 hours. */
export const POLL_MAX_MS = 6 * 60 * 60_000;

/** Changes the seller must see: each raises a browser notification. */
export const NEEDS_SELLER: ReadonlySet<ApplicationStatus> = new Set([
  'info_requested',
  'offer',
  'counter_offer',
  'funded',
  'declined',
  'expired',
]);

export interface Change {
  app: StoredApplication;
  from: ApplicationStatus;
  to: ApplicationStatus;
  /** True when the seller has something to do or to know (info request, offer, funding, decline). */
  needsSeller: boolean;
}

export interface TrackingDeps extends OutboxDeps {
  onChange?: (change: Change) => void;
}

function sameEvent(a: StatusEvent, b: StatusEvent): boolean {
  return a.at === b.at && a.status === b.status && a.source === b.source;
}

/**
 * Merges the channel's view into the stored application: its status, stage detail, offers and
 * requests replace ours; its events are added once each. Returns the change, if the status moved.
 */
export function mergeView(
  app: StoredApplication,
  view: ApplicationView,
  at: string,
  pollBaseMs: number,
): { app: StoredApplication; moved: boolean } {
  const events = [...app.events];
  for (const e of view.events) if (!events.some((x) => sameEvent(x, e))) events.push(e);
  events.sort((a, b) => a.at.localeCompare(b.at));
  const moved =
    view.status !== app.status ||
    JSON.stringify(view.detail) !== JSON.stringify(app.detail) ||
    view.offers.length !== app.offers.length ||
    JSON.stringify(view.requests) !== JSON.stringify(app.requests);
  const terminal = TERMINAL_STATUSES.includes(view.status);
  const intervalMs = moved ? pollBaseMs : Math.min(app.poll.intervalMs * 2, POLL_MAX_MS);
  return {
    moved,
    app: {
      ...app,
      status: view.status,
      detail: view.detail,
      offers: view.offers,
      requests: view.requests,
      ...(view.declineReasons ? { declineReasons: view.declineReasons } : {}),
      ...(view.reapplyAfter ? { reapplyAfter: view.reapplyAfter } : {}),
      events,
      poll: { intervalMs, nextPollAt: terminal ? null : new Date(Date.parse(at) + intervalMs).toISOString() },
      updatedAt: at,
    },
  };
}

async function store(
  deps: TrackingDeps,
  before: StoredApplication,
  after: StoredApplication,
): Promise<StoredApplication> {
  await deps.store.put(after);
  if (after.status !== before.status) {
    deps.onChange?.({
      app: after,
      from: before.status,
      to: after.status,
      needsSeller: NEEDS_SELLER.has(after.status),
    });
  }
  return after;
}

/** Reads one application's status from its channel and stores what changed. */
export async function refresh(deps: TrackingDeps, id: string): Promise<StoredApplication | undefined> {
  const app = await deps.store.get(id);
  if (!app?.remote) return app;
  const at = deps.now().toISOString();
  try {
    const view = await deps.clientFor(app).read(app.remote.id, app.remote.token);
    const merged = mergeView(app, view, at, deps.pollBaseMs ?? POLL_BASE_MS);
    return store(deps, app, merged.app);
  } catch (error) {
    // A failed poll changes nothing but the next poll time (backed off like a quiet one).
    const intervalMs = Math.min(app.poll.intervalMs * 2, POLL_MAX_MS);
    const next = {
      ...app,
      poll: { intervalMs, nextPollAt: new Date(Date.parse(at) + intervalMs).toISOString() },
    };
    await deps.store.put(next);
    if (error instanceof ChannelError && !error.retryable) throw error;
    return next;
  }
}

/** Polls every application whose next poll is due (`force`: every one still open, when the seller asks). */
export async function pollDue(deps: TrackingDeps, force = false): Promise<StoredApplication[]> {
  const now = deps.now().getTime();
  const due = (await deps.store.list()).filter(
    (a) => a.remote && a.poll.nextPollAt !== null && (force || Date.parse(a.poll.nextPollAt) <= now),
  );
  const out: StoredApplication[] = [];
  for (const app of due) {
    const r = await refresh(deps, app.id).catch(() => undefined);
    if (r) out.push(r);
  }
  return out;
}

async function act(
  deps: TrackingDeps,
  id: string,
  note: string,
  call: (app: StoredApplication & { remote: { id: string; token: string } }) => Promise<ApplicationView>,
): Promise<StoredApplication> {
  const app = await deps.store.get(id);
  if (!app) throw new Error(`No application ${id}.`);
  if (!app.remote) throw new Error(`${app.channelName} has not received this application yet.`);
  const at = deps.now().toISOString();
  const view = await call(app as StoredApplication & { remote: { id: string; token: string } });
  const withNote = {
    ...app,
    events: [...app.events, { at, status: app.status, source: 'seller' as const, note }],
  };
  return store(deps, app, mergeView(withNote, view, at, deps.pollBaseMs ?? POLL_BASE_MS).app);
}

/** After consent was revoked, nothing but a withdrawal goes to the channel for an application. */
function refuseIfRevoked(app: StoredApplication): void {
  if (app.consent.revokedAt) {
    throw new Error(
      `You revoked your consent for this application on ${app.consent.revokedAt.slice(0, 10)}: Tradeline sends ${app.channelName} nothing more for it.`,
    );
  }
}

export function accept(deps: TrackingDeps, id: string, offerId: string): Promise<StoredApplication> {
  return act(deps, id, `Accepted offer ${offerId}.`, (app) => {
    refuseIfRevoked(app);
    return deps.clientFor(app).accept(app.remote.id, app.remote.token, offerId);
  });
}

export function answerRequest(
  deps: TrackingDeps,
  id: string,
  document: DocumentUpload,
): Promise<StoredApplication> {
  return act(deps, id, `Sent ${document.filename} for request ${document.requestId}.`, (app) => {
    refuseIfRevoked(app);
    return deps.clientFor(app).uploadDocument(app.remote.id, app.remote.token, document);
  });
}

/**
 * Withdraws an application: at the channel where it was received, locally otherwise (still
 * queued, or a link-out). The consent receipt is marked revoked and the event recorded.
 */
export async function withdraw(
  deps: TrackingDeps,
  id: string,
  reason = 'Withdrawn by the seller.',
): Promise<StoredApplication> {
  const app = await deps.store.get(id);
  if (!app) throw new Error(`No application ${id}.`);
  const now = deps.now();
  const at = now.toISOString();
  const consent = revoke(app.consent, now);
  if (app.remote) {
    try {
      const done = await act(deps, id, reason, (a) =>
        deps.clientFor(a).withdraw(a.remote.id, a.remote.token, reason),
      );
      const revoked = { ...done, consent };
      await deps.store.put(revoked);
      return revoked;
    } catch (error) {
      // The channel could not be told (unreachable, or it refused): the revocation still stands
      // here, and nothing more is sent for this application (see `refuseIfRevoked`).
      const why = error instanceof Error ? error.message : String(error);
      return store(deps, app, {
        ...app,
        consent,
        events: [
          ...app.events,
          {
            at,
            status: app.status,
            source: 'seller',
            note: `Consent revoked. ${app.channelName} could not be told (${why}); withdraw again to retry. Tradeline sends nothing more for this application.`,
          },
        ],
        updatedAt: at,
      });
    }
  }
  // Never sent (or sent nowhere): nothing leaves; the queued attempt is cancelled.
  const local: StoredApplication = {
    ...app,
    consent,
    status: 'withdrawn',
    outbox: {
      ...app.outbox,
      state: app.outbox.state === 'manual' ? 'manual' : 'failed',
      nextAttemptAt: null,
      sendingSince: null,
    },
    events: [...app.events, { at, status: 'withdrawn', source: 'seller', note: reason }],
    poll: { ...app.poll, nextPollAt: null },
    updatedAt: at,
  };
  return store(deps, app, local);
}

/** A link-out application: the seller records what the provider told them. */
export async function recordOwnUpdate(
  deps: TrackingDeps,
  id: string,
  status: ApplicationStatus,
  note: string,
): Promise<StoredApplication> {
  const app = await deps.store.get(id);
  if (!app) throw new Error(`No application ${id}.`);
  if (app.outbox.state !== 'manual')
    throw new Error(`${app.channelName} reports its own status; it cannot be set by hand.`);
  const at = deps.now().toISOString();
  return store(deps, app, {
    ...app,
    status,
    events: [...app.events, { at, status, source: 'seller', note }],
    updatedAt: at,
  });
}
