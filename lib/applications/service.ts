import { BUNDLED_CATALOG } from '../channels/catalog/bundled.ts';
import type { ChannelClient } from '../channels/client.ts';
import { prequalifyAll } from '../channels/prequalify.ts';
import type {
  ApplicationPacket,
  ApplicationStatus,
  BusinessDetails,
  DocumentUpload,
  StoredApplication,
} from '../domain/application.ts';
import {
  type Channel,
  Channel as ChannelSchema,
  type OfferEstimate,
  type PacketField,
} from '../domain/channel.ts';
import type { Money } from '../domain/money.ts';
import { computeProfile } from '../profile/profile.ts';
import { applicationStore } from '../storage/applications-repo.ts';
import type { TradelineDatabase } from '../storage/db.ts';
import { listImports, readSettings } from '../storage/overview-repo.ts';
import { profileInputFromDb } from '../storage/profile-repo.ts';
import { readValid } from '../storage/quarantine.ts';
import { type ConsentSheet, consentReceipt, consentSheet } from './consent.ts';
import { enqueue, sendDue } from './outbox.ts';
import { buildPacket, missingFields, type PacketSources, sourcesFromImports } from './packet.ts';
import { accept, answerRequest, type Change, pollDue, recordOwnUpdate, withdraw } from './tracking.ts';

/** What the background gives the application service (browser APIs stay in the entry point). */
export interface ServiceDeps {
  db: TradelineDatabase;
  clientFor: (app: StoredApplication) => ChannelClient;
  now: () => Date;
  random: () => number;
  newId: () => string;
  onChange: (change: Change) => void;
  pollBaseMs?: number;
}

/** The catalog: bundled entries, overridden and extended by the channels the seller added. */
export async function catalog(db: TradelineDatabase): Promise<Channel[]> {
  const added = await readValid(db, 'channels', ChannelSchema);
  const byId = new Map(BUNDLED_CATALOG.channels.map((c) => [c.id, c]));
  for (const c of added) byId.set(c.id, c);
  return [...byId.values()];
}

export async function addChannels(db: TradelineDatabase, channels: readonly Channel[]): Promise<string[]> {
  const tx = db.transaction('channels', 'readwrite');
  for (const c of channels) void tx.store.put(c);
  await tx.done;
  return channels.map((c) => c.id);
}

function today(deps: Pick<ServiceDeps, 'now'>): string {
  return deps.now().toISOString().slice(0, 10);
}

export async function offers(deps: Pick<ServiceDeps, 'db' | 'now'>): Promise<OfferEstimate[]> {
  const [input, channels, settings] = await Promise.all([
    profileInputFromDb(deps.db, today(deps)),
    catalog(deps.db),
    readSettings(deps.db),
  ]);
  const country = typeof settings.business?.country === 'string' ? settings.business.country : undefined;
  return prequalifyAll(channels, { input, ...(country ? { country } : {}) });
}

export interface ApplyRequest {
  channelIds: string[];
  /** Per channel: amount in minor units of the channel's currency (default: the prequalified amount). */
  amounts?: Record<string, number>;
  purpose: string;
}

async function sourcesFor(deps: Pick<ServiceDeps, 'db' | 'now'>, request: ApplyRequest) {
  const [input, channels, settings, imports] = await Promise.all([
    profileInputFromDb(deps.db, today(deps)),
    catalog(deps.db),
    readSettings(deps.db),
    listImports(deps.db),
  ]);
  const profile = computeProfile(input, settings.language === 'zh_CN' ? 'zh-CN' : 'en');
  const estimates = prequalifyAll(channels, { input });
  const business = (settings.business ?? {}) as Partial<BusinessDetails>;
  return request.channelIds.map((id) => {
    const channel = channels.find((c) => c.id === id);
    if (!channel) throw new Error(`No channel ${id} in the catalog.`);
    const estimate = estimates.find((e) => e.channelId === id);
    const minor = request.amounts?.[id] ?? (estimate?.amount ? Math.round(estimate.amount * 100) : undefined);
    const amount: Money | undefined = minor
      ? { amount: minor, currency: channel.sizing.currency }
      : undefined;
    const s: PacketSources = {
      channel,
      requested: { ...(amount ? { amount } : {}), purpose: request.purpose },
      business,
      profile,
      input,
      sources: sourcesFromImports(imports),
    };
    return s;
  });
}

export interface Preview {
  channelId: string;
  sheet: ConsentSheet;
  /** Fields the channel needs that the seller has not given yet: applying is blocked until they are. */
  missing: PacketField[];
}

/** The consent sheets the seller reads before applying: nothing is sent. */
export async function preview(
  deps: Pick<ServiceDeps, 'db' | 'now'>,
  request: ApplyRequest,
): Promise<Preview[]> {
  return (await sourcesFor(deps, request)).map((s) => ({
    channelId: s.channel.id,
    sheet: consentSheet(s),
    missing: missingFields(s),
  }));
}

/**
 * Applies to the chosen channels in one go: a consent receipt and a packet per channel, all
 * stored before anything is sent, then the outbox sends what is due. A submission id makes the
 * call idempotent: the same id never creates a second application for a channel.
 */
export async function apply(
  deps: ServiceDeps,
  submissionId: string,
  request: ApplyRequest,
): Promise<StoredApplication[]> {
  const all = await sourcesFor(deps, request);
  const missing = all.flatMap((s) => missingFields(s).map((f) => `${s.channel.name}: ${f}`));
  if (missing.length) throw new Error(`Give these first: ${missing.join(', ')}.`);
  const now = deps.now();
  const store = applicationStore(deps.db);
  const drafts = all.map((s) => {
    const receipt = consentReceipt(s, consentSheet(s), now, deps.newId());
    const packet: ApplicationPacket = buildPacket(s, receipt);
    return { channel: s.channel, packet, consent: receipt };
  });
  const stored = await enqueue({ store, now: deps.now }, submissionId, drafts, deps.newId);
  await tick(deps);
  const fresh = await store.list();
  return stored.map((a) => fresh.find((f) => f.id === a.id) ?? a);
}

/** One round of work: send what is due, poll what is due. Alarms call it; so does `apply`. */
export async function tick(deps: ServiceDeps, force = false): Promise<{ sent: number; polled: number }> {
  const store = applicationStore(deps.db);
  const outboxDeps = {
    store,
    clientFor: deps.clientFor,
    now: deps.now,
    random: deps.random,
    onChange: deps.onChange,
    ...(deps.pollBaseMs ? { pollBaseMs: deps.pollBaseMs } : {}),
  };
  const sent = await sendDue(outboxDeps);
  const polled = await pollDue(outboxDeps, force);
  return { sent: sent.length, polled: polled.length };
}

export type ApplicationAction =
  | { action: 'accept'; offerId: string }
  | { action: 'withdraw'; reason?: string }
  | { action: 'answer'; document: DocumentUpload }
  | { action: 'update'; status: ApplicationStatus; note: string };

export async function act(deps: ServiceDeps, id: string, a: ApplicationAction): Promise<StoredApplication> {
  const store = applicationStore(deps.db);
  const d = {
    store,
    clientFor: deps.clientFor,
    now: deps.now,
    random: deps.random,
    onChange: deps.onChange,
    ...(deps.pollBaseMs ? { pollBaseMs: deps.pollBaseMs } : {}),
  };
  switch (a.action) {
    case 'accept':
      return accept(d, id, a.offerId);
    case 'withdraw':
      return withdraw(d, id, a.reason);
    case 'answer':
      return answerRequest(d, id, a.document);
    case 'update':
      return recordOwnUpdate(d, id, a.status, a.note);
  }
}

export async function listApplications(db: TradelineDatabase): Promise<StoredApplication[]> {
  const all = await applicationStore(db).list();
  return all.sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || a.channelName.localeCompare(b.channelName),
  );
}

/**
 * A link-out channel: the seller applies on the provider's own site and Tradeline only keeps
 * the record the seller updates. Nothing is sent, so the receipt lists no fields.
 */
export async function trackLinkOut(
  deps: ServiceDeps,
  submissionId: string,
  channelId: string,
): Promise<StoredApplication> {
  const channel = (await catalog(deps.db)).find((c) => c.id === channelId);
  if (!channel) throw new Error(`No channel ${channelId} in the catalog.`);
  if (channel.submission.kind !== 'link')
    throw new Error(`${channel.name} takes applications through Tradeline: use Apply.`);
  const settings = await readSettings(deps.db);
  const business = (settings.business ?? {}) as Partial<BusinessDetails>;
  const consent = {
    receiptId: deps.newId(),
    version: 'tradeline-consent/1' as const,
    consentAt: deps.now().toISOString(),
    subject: { legalName: business.legalName ?? null, contactEmail: business.contactEmail ?? null },
    recipient: {
      channelId: channel.id,
      name: channel.name,
      provider: channel.provider,
      url: channel.submission.url,
    },
    purpose: `Track an application made on ${channel.provider}'s own site (nothing is sent by Tradeline)`,
    fields: [],
  };
  const [app] = await enqueue(
    { store: applicationStore(deps.db), now: deps.now },
    submissionId,
    [{ channel, packet: null, consent }],
    deps.newId,
  );
  return app as StoredApplication;
}
