import type {
  ApplicationPacket,
  ApplicationStatus,
  ApplicationView,
  InfoRequest,
  Offer,
  StageDetail,
  StatusEvent,
} from '../../lib/domain/application.ts';
import type { Channel, FinancingModel } from '../../lib/domain/channel.ts';
import { HttpError } from './http.ts';

/**
 * A lender is a state machine as data: timed transitions out of each status. Nothing runs in the
 * background: whenever an application is touched, `advance` replays every transition that fell
 * due since, each stamped with the moment it was due. Durations are nominal (what a real lender
 * might take); the sandbox divides them by its speed, so at speed 1440 a nominal day is a minute.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What the lender decides when the packet arrives; a pure function of the packet. */
export interface Decision {
  /** Asked for once during review; the application waits until a document answers it. */
  infoRequest: { item: string; message: string } | null;
  /** Reasons to decline at the (first) review; empty = passes. */
  reviewReasons: string[];
  /** bank-partnered: reasons for the partner bank to decline; empty = approves. */
  bankReasons: string[];
  /** The amount the lender will offer, minor units; below the requested amount = counter-offer. */
  amount: number;
  currency: string;
  /** The amount asked for. */
  requested: number;
  /** p2p: how fast investors fund the listing, percent per nominal day. */
  fundingPerDay: number;
}

export interface SandboxApplication {
  id: string;
  token: string;
  channel: Channel;
  packet: ApplicationPacket;
  decision: Decision;
  status: ApplicationStatus;
  /** When the current status was entered (clock ms). */
  enteredAt: number;
  detail: StageDetail;
  events: StatusEvent[];
  offers: Offer[];
  requests: InfoRequest[];
  declineReasons?: string[];
  reapplyAfter?: string;
  acceptedOfferId?: string;
  documents: { requestId: string; filename: string; contentType: string; bytes: number }[];
}

/** When a transition happens: its moment and the speed, to place later deadlines. */
export interface Moment {
  at: number;
  speed: number;
}

export interface Transition {
  from: ApplicationStatus;
  to: ApplicationStatus;
  /** Nominal time spent in `from` before the transition. */
  after: number | ((app: SandboxApplication) => number);
  /** Only when this holds (checked when the application is touched). */
  when?: (app: SandboxApplication) => boolean;
  /** The event's note, as the seller reads it. */
  note: string | ((app: SandboxApplication) => string);
  /** Changes besides the status: stage detail, offers, info requests, decline reasons. */
  apply?: (app: SandboxApplication, moment: Moment) => void;
}

export interface Lender {
  model: FinancingModel;
  decide(packet: ApplicationPacket, channel: Channel): Decision;
  transitions: readonly Transition[];
  /** Detail that moves continuously (p2p funding progress), refreshed on every read. */
  live?(app: SandboxApplication, now: number, speed: number): void;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A later moment, `nominal` ms of lender time after `moment`. */
export function later(moment: Moment, nominal: number): number {
  return moment.at + nominal / moment.speed;
}

function enter(
  app: SandboxApplication,
  status: ApplicationStatus,
  at: number,
  source: StatusEvent['source'],
  note: string,
): void {
  app.status = status;
  app.enteredAt = at;
  app.events.push({ at: iso(at), status, source, note });
}

export function openApplication(init: {
  id: string;
  token: string;
  channel: Channel;
  packet: ApplicationPacket;
  lender: Lender;
  now: number;
}): SandboxApplication {
  const app: SandboxApplication = {
    id: init.id,
    token: init.token,
    channel: init.channel,
    packet: init.packet,
    decision: init.lender.decide(init.packet, init.channel),
    status: 'submitted',
    enteredAt: init.now,
    detail: {},
    events: [],
    offers: [],
    requests: [],
    documents: [],
  };
  enter(app, 'submitted', init.now, 'channel', `Application received by ${init.channel.name}`);
  return app;
}

/** The transition that comes next from the application's current status, and when (clock ms), if any. */
export function nextTransition(
  app: SandboxApplication,
  lender: Lender,
  speed: number,
): { transition: Transition; due: number } | undefined {
  let next: { transition: Transition; due: number } | undefined;
  for (const transition of lender.transitions) {
    if (transition.from !== app.status || (transition.when && !transition.when(app))) continue;
    const nominal = typeof transition.after === 'function' ? transition.after(app) : transition.after;
    const due = app.enteredAt + nominal / speed;
    if (next === undefined || due < next.due) next = { transition, due };
  }
  return next;
}

/** Applies every transition due by `now`, in order, each at the moment it was due. */
export function advance(app: SandboxApplication, lender: Lender, now: number, speed: number): void {
  for (;;) {
    const next = nextTransition(app, lender, speed);
    if (next === undefined || next.due > now) break;
    const { transition, due } = next;
    transition.apply?.(app, { at: due, speed });
    const note = typeof transition.note === 'function' ? transition.note(app) : transition.note;
    enter(app, transition.to, due, 'channel', note);
  }
  lender.live?.(app, now, speed);
}

export function view(app: SandboxApplication): ApplicationView {
  return {
    id: app.id,
    channelId: app.channel.id,
    status: app.status,
    detail: app.detail,
    events: app.events,
    offers: app.offers,
    requests: app.requests,
    ...(app.declineReasons ? { declineReasons: app.declineReasons } : {}),
    ...(app.reapplyAfter ? { reapplyAfter: app.reapplyAfter } : {}),
  };
}

// ---- Seller actions (the application has been advanced to `now` first) ----

const NOT_WITHDRAWABLE: readonly ApplicationStatus[] = [
  'funded',
  'repaying',
  'paid_off',
  'declined',
  'expired',
];

function refuse(app: SandboxApplication, action: string): HttpError {
  return new HttpError(
    409,
    'invalid_state',
    `The application is ${app.status.replace('_', ' ')}: it cannot ${action}.`,
  );
}

export function answerRequest(
  app: SandboxApplication,
  document: { requestId: string; filename: string; contentType: string; contentBase64: string },
  now: number,
): void {
  const request = app.requests.find((r) => r.id === document.requestId);
  if (!request) {
    throw new HttpError(
      422,
      'unknown_request',
      `No information request ${document.requestId} on this application.`,
      'requestId',
    );
  }
  if (request.status === 'answered') return; // a repeated upload (e.g. a retry) changes nothing
  if (app.status !== 'info_requested') throw refuse(app, 'take documents any more');
  request.status = 'answered';
  app.documents.push({
    requestId: request.id,
    filename: document.filename,
    contentType: document.contentType,
    bytes: Buffer.from(document.contentBase64, 'base64').length,
  });
  enter(
    app,
    'in_review',
    now,
    'seller',
    `${document.filename} sent for ${request.item.replace('_', ' ')}; review resumes`,
  );
}

export function acceptOffer(app: SandboxApplication, offerId: string, now: number): void {
  const offer = app.offers.find((o) => o.id === offerId);
  if (!offer)
    throw new HttpError(422, 'unknown_offer', `No offer ${offerId} on this application.`, 'offerId');
  if (app.acceptedOfferId === offerId) return; // accepting twice (e.g. a retry) changes nothing
  if (app.status === 'expired' && Date.parse(offer.expiresAt) <= now) {
    throw new HttpError(409, 'offer_expired', `The offer expired at ${offer.expiresAt}.`);
  }
  if (app.status !== 'offer' && app.status !== 'counter_offer') throw refuse(app, 'accept an offer');
  app.acceptedOfferId = offerId;
  enter(app, 'accepted', now, 'seller', `Offer ${offerId} accepted`);
}

export function withdraw(app: SandboxApplication, reason: string | undefined, now: number): void {
  if (app.status === 'withdrawn') return;
  if (NOT_WITHDRAWABLE.includes(app.status)) throw refuse(app, 'be withdrawn');
  enter(
    app,
    'withdrawn',
    now,
    'seller',
    reason ? `Withdrawn by the seller: ${reason}` : 'Withdrawn by the seller',
  );
}
