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
 *
 * The timeline keeps the order in which Tradeline learned of each event: the channel's new
 * events go after what is stored, in the channel's order. They are never sorted by time: the
 * channel's timestamps and Tradeline's own (its "received" and the seller's notes) come from two
 * clocks, and a browser clock a little ahead of the lender's sorted the receipt of a submission
 * after the lender's review had started (a status seemingly going back to "submitted").
 *
 * A view with fewer events than the one the stored status came from is older (two reads
 * crossed on the network): it changes nothing, so a status never goes back that way.
 */
export function mergeView(
  app: StoredApplication,
  view: ApplicationView,
  at: string,
  pollBaseMs: number,
): { app: StoredApplication; moved: boolean } {
  if (view.events.length < (app.remote?.seenEvents ?? 0)) return { app, moved: false };
  const events = [...app.events];
  for (const e of view.events) if (!events.some((x) => sameEvent(x, e))) events.push(e);
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
      ...(app.remote ? { remote: { ...app.remote, seenEvents: view.events.length } } : {}),
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

/**
 * Applies `change` to the application as stored now (not to a copy read before a request went
 * out), in one transaction, and reports a status change. Two polls at once, or a poll and the
 * seller's action, thus each build on the other's result: a change is recorded and notified
 * once, and nothing written meanwhile is lost. Undefined when the application was deleted.
 */
async function commit(
  deps: TrackingDeps,
  id: string,
  change: (current: StoredApplication) => StoredApplication,
): Promise<StoredApplication | undefined> {
  const written = await deps.store.update(id, change);
  if (!written) return undefined;
  const { before, after } = written;
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

/** Like `commit`, for an action the seller asked for on an application that must exist. */
async function commitExisting(
  deps: TrackingDeps,
  id: string,
  change: (current: StoredApplication) => StoredApplication,
): Promise<StoredApplication> {
  const after = await commit(deps, id, change);
  if (!after) throw new Error(`No application ${id}.`);
  return after;
}

/** Reads one application's status from its channel and stores what changed. */
export async function refresh(deps: TrackingDeps, id: string): Promise<StoredApplication | undefined> {
  const app = await deps.store.get(id);
  if (!app?.remote) return app;
  const at = deps.now().toISOString();
  const pollBaseMs = deps.pollBaseMs ?? POLL_BASE_MS;
  let view: ApplicationView;
  try {
    view = await deps.clientFor(app).read(app.remote.id, app.remote.token);
  } catch (error) {
    // A failed poll changes nothing but the next poll time (backed off like a quiet one).
    const next = await deps.store.update(id, (current) => {
      const intervalMs = Math.min(current.poll.intervalMs * 2, POLL_MAX_MS);
      return {
        ...current,
        poll: { intervalMs, nextPollAt: new Date(Date.parse(at) + intervalMs).toISOString() },
      };
    });
    if (error instanceof ChannelError && !error.retryable) throw error;
    return next?.after;
  }
  return commit(deps, id, (current) => mergeView(current, view, at, pollBaseMs).app);
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
  return commitExisting(
    deps,
    id,
    (current) =>
      mergeView(
        { ...current, events: [...current.events, { at, status: current.status, source: 'seller', note }] },
        view,
        at,
        deps.pollBaseMs ?? POLL_BASE_MS,
      ).app,
  );
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
  if (app.remote) {
    let view: ApplicationView;
    try {
      view = await deps.clientFor(app).withdraw(app.remote.id, app.remote.token, reason);
    } catch (error) {
      // The channel could not be told (unreachable, or it refused): the revocation still stands
      // here, and nothing more is sent for this application (see `refuseIfRevoked`).
      const why = error instanceof Error ? error.message : String(error);
      return commitExisting(deps, id, (current) => ({
        ...current,
        consent: revoke(current.consent, now),
        events: [
          ...current.events,
          {
            at,
            status: current.status,
            source: 'seller',
            note: `Consent revoked. ${current.channelName} could not be told (${why}); withdraw again to retry. Tradeline sends nothing more for this application.`,
          },
        ],
        updatedAt: at,
      }));
    }
    return commitExisting(deps, id, (current) => ({
      ...mergeView(
        {
          ...current,
          events: [...current.events, { at, status: current.status, source: 'seller', note: reason }],
        },
        view,
        at,
        deps.pollBaseMs ?? POLL_BASE_MS,
      ).app,
      consent: revoke(current.consent, now),
    }));
  }
  // Never sent (or sent nowhere): nothing leaves; the queued attempt is cancelled.
  return commitExisting(deps, id, (current) => ({
    ...current,
    consent: revoke(current.consent, now),
    status: 'withdrawn',
    outbox: {
      ...current.outbox,
      state: current.outbox.state === 'manual' ? 'manual' : 'failed',
      nextAttemptAt: null,
      sendingSince: null,
    },
    events: [...current.events, { at, status: 'withdrawn', source: 'seller', note: reason }],
    poll: { ...current.poll, nextPollAt: null },
    updatedAt: at,
  }));
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
  return commitExisting(deps, id, (current) => ({
    ...current,
    status,
    events: [...current.events, { at, status, source: 'seller', note }],
    updatedAt: at,
  }));
}
