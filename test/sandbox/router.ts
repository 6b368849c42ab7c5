import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { SANDBOX_CHANNELS, SANDBOX_ORIGIN } from '../../lib/channels/catalog/sandbox.ts';
import {
  AcceptRequest,
  ApplicationPacket,
  ApplicationView,
  type CreatedApplication,
  DocumentUpload,
  WithdrawRequest,
} from '../../lib/domain/application.ts';
import type { Catalog, Channel, FinancingModel, PacketField } from '../../lib/domain/channel.ts';
import { dashboardReply } from './dashboard/pages.ts';
import { FaultConfig, type FaultRoute, type Faults } from './faults.ts';
import { canonicalJson, HttpError, parseJson, type Reply, readBody } from './http.ts';
import { bankPartnered } from './lenders/bank-partnered.ts';
import { p2p } from './lenders/p2p.ts';
import { platformDirect } from './lenders/platform-direct.ts';
import {
  acceptOffer,
  advance,
  answerRequest,
  iso,
  type Lender,
  openApplication,
  type SandboxApplication,
  view,
  withdraw,
} from './machine.ts';

export const LENDERS: Record<FinancingModel, Lender> = {
  'bank-partnered': bankPartnered,
  'platform-direct': platformDirect,
  p2p,
};

export interface SandboxState {
  origin: string;
  speed: number;
  clock: () => number;
  faults: Faults;
  applications: Map<string, SandboxApplication>;
  /** `${channelId}\n${Idempotency-Key}` → the body's hash and the 201 answer. */
  idempotency: Map<string, { hash: string; answer: CreatedApplication }>;
}

export type Route =
  | { name: 'health' | 'faults' | 'catalog' }
  | { name: 'create'; channelId: string }
  | { name: 'read' | 'documents' | 'accept' | 'withdraw'; channelId: string; id: string }
  | { name: 'dashboard'; path: string }
  | { name: 'not_found' };

const ACTIONS = new Set(['documents', 'accept', 'withdraw'] as const);

export function matchRoute(path: string): Route {
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'not_found' };
  }
  const [a, channelId, b, id, action, ...rest] = parts;
  if (parts.length === 1 && a === '__health') return { name: 'health' };
  if (parts.length === 1 && a === '__faults') return { name: 'faults' };
  // The demo seller dashboard (test/sandbox/dashboard): HTML pages and report files.
  if (a === 'dashboard') return { name: 'dashboard', path };
  if (a !== 'lenders' || rest.length > 0) return { name: 'not_found' };
  if (channelId === undefined) return { name: 'catalog' };
  if (b !== 'applications') return { name: 'not_found' };
  if (id === undefined) return { name: 'create', channelId };
  if (action === undefined) return { name: 'read', channelId, id };
  for (const name of ACTIONS) if (name === action) return { name, channelId, id };
  return { name: 'not_found' };
}

export function faultRoute(route: Route): FaultRoute | null {
  const name = route.name;
  return name === 'health' || name === 'faults' || name === 'dashboard' || name === 'not_found' ? null : name;
}

/** The sandbox channels with their addresses moved to where this server listens. */
export function catalogFor(origin: string): Catalog {
  const move = (url: string) =>
    url.startsWith(SANDBOX_ORIGIN) ? origin + url.slice(SANDBOX_ORIGIN.length) : url;
  return {
    version: 1,
    channels: SANDBOX_CHANNELS.map((c) => ({
      ...c,
      submission:
        c.submission.kind === 'api' ? { kind: 'api', baseUrl: move(c.submission.baseUrl) } : c.submission,
      source: { ...c.source, url: move(c.source.url) },
    })),
  };
}

const METHODS: Record<Route['name'], readonly string[]> = {
  health: ['GET'],
  faults: ['GET', 'POST', 'DELETE'],
  catalog: ['GET'],
  create: ['POST'],
  read: ['GET'],
  documents: ['POST'],
  accept: ['POST'],
  withdraw: ['POST'],
  dashboard: ['GET'],
  not_found: [],
};

export async function handle(req: IncomingMessage, route: Route, state: SandboxState): Promise<Reply> {
  if (route.name === 'not_found') {
    throw new HttpError(404, 'not_found', `No such endpoint: ${req.method} ${req.url}`);
  }
  const allowed = METHODS[route.name];
  if (!allowed.includes(req.method ?? '')) {
    throw new HttpError(405, 'method_not_allowed', `Use ${allowed.join(' or ')} here.`, undefined, {
      allow: allowed.join(', '),
    });
  }
  const now = state.clock();
  switch (route.name) {
    case 'health':
      return {
        status: 200,
        body: { ok: true, speed: state.speed, now: iso(now), applications: state.applications.size },
      };
    case 'faults':
      return handleFaults(req, state);
    case 'catalog':
      return { status: 200, body: catalogFor(state.origin) };
    case 'create':
      return create(req, route.channelId, state, now);
    case 'dashboard':
      return dashboardReply(route.path, new URL(req.url ?? '/', 'http://sandbox').searchParams);
    default: {
      const raw = await readBody(req);
      const app = authorize(req, route.channelId, route.id, state);
      const lender = LENDERS[app.channel.model];
      advance(app, lender, now, state.speed);
      if (route.name === 'documents') answerRequest(app, parseJson(req, raw, DocumentUpload), now);
      if (route.name === 'accept') acceptOffer(app, parseJson(req, raw, AcceptRequest).offerId, now);
      if (route.name === 'withdraw') withdraw(app, parseJson(req, raw, WithdrawRequest, {}).reason, now);
      // The sandbox checks its own answers: a schema drift is a bug here, not at the client.
      return { status: 200, body: ApplicationView.parse(view(app)) };
    }
  }
}

async function handleFaults(req: IncomingMessage, state: SandboxState): Promise<Reply> {
  if (req.method === 'DELETE') {
    state.faults.clear();
    return { status: 200, body: { faults: null } };
  }
  if (req.method === 'POST') {
    const config = parseJson(req, await readBody(req), FaultConfig);
    return { status: 200, body: { faults: state.faults.set(config) } };
  }
  return { status: 200, body: { faults: state.faults.settings, log: state.faults.log } };
}

function channelFor(channelId: string): Channel {
  const channel = SANDBOX_CHANNELS.find((c) => c.id === channelId);
  if (!channel) throw new HttpError(404, 'unknown_channel', `There is no sandbox lender "${channelId}".`);
  return channel;
}

const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/);

async function create(
  req: IncomingMessage,
  channelId: string,
  state: SandboxState,
  now: number,
): Promise<Reply> {
  const channel = channelFor(channelId);
  const key = req.headers['idempotency-key'];
  if (key === undefined || key === '') {
    throw new HttpError(
      400,
      'idempotency_key_missing',
      'Send an Idempotency-Key header with every new application.',
    );
  }
  if (!IdempotencyKey.safeParse(key).success) {
    throw new HttpError(
      400,
      'idempotency_key_invalid',
      'The Idempotency-Key must be 1 to 255 visible ASCII characters.',
    );
  }
  const raw = await readBody(req);
  const packet = parseJson(req, raw, ApplicationPacket);
  checkPacket(packet, channel);

  const hash = createHash('sha256').update(canonicalJson(packet)).digest('hex');
  const slot = `${channel.id}\n${key}`;
  const previous = state.idempotency.get(slot);
  if (previous) {
    if (previous.hash !== hash) {
      throw new HttpError(
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different application; use a new key for a new application.',
      );
    }
    return created(previous.answer, state.origin, channel.id);
  }

  const app = openApplication({
    id: `app_${randomUUID()}`,
    token: randomBytes(24).toString('base64url'),
    channel,
    packet,
    lender: LENDERS[channel.model],
    now,
  });
  state.applications.set(app.id, app);
  const answer: CreatedApplication = { id: app.id, token: app.token, status: app.status };
  state.idempotency.set(slot, { hash, answer });
  return created(answer, state.origin, channel.id);
}

function created(answer: CreatedApplication, origin: string, channelId: string): Reply {
  return {
    status: 201,
    body: answer,
    headers: { location: `${origin}/lenders/${channelId}/applications/${encodeURIComponent(answer.id)}` },
  };
}

/** What a lender needs beyond the packet schema: its own id, the fields it declared, its currencies. */
function checkPacket(packet: ApplicationPacket, channel: Channel): void {
  if (packet.channelId !== channel.id) {
    throw new HttpError(
      422,
      'channel_mismatch',
      `This packet is for ${packet.channelId}, not ${channel.id}.`,
      'channelId',
    );
  }
  if (packet.consent.recipient.channelId !== channel.id) {
    throw new HttpError(
      422,
      'consent_mismatch',
      `The consent receipt names ${packet.consent.recipient.channelId} as recipient, not ${channel.id}.`,
      'consent.recipient.channelId',
    );
  }
  for (const field of channel.requiredFields) {
    if (valueAt(packet, field) === undefined) {
      throw new HttpError(422, 'missing_field', `${channel.name} needs ${field}.`, field);
    }
  }
  const amount = packet.requested?.amount;
  if (amount && !channel.currencies.includes(amount.currency)) {
    throw new HttpError(
      422,
      'unsupported_currency',
      `${channel.name} lends in ${channel.currencies.join(' or ')}, not ${amount.currency}.`,
      'requested.amount.currency',
    );
  }
  if (amount && amount.amount <= 0) {
    throw new HttpError(
      422,
      'invalid_field',
      'requested.amount.amount: must be positive',
      'requested.amount.amount',
    );
  }
}

function valueAt(packet: ApplicationPacket, field: PacketField): unknown {
  let value: unknown = packet;
  for (const key of field.split('.')) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

function authorize(
  req: IncomingMessage,
  channelId: string,
  id: string,
  state: SandboxState,
): SandboxApplication {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const unauthorized = (code: string, message: string) =>
    new HttpError(401, code, message, undefined, { 'www-authenticate': 'Bearer' });
  if (!match?.[1]) {
    throw unauthorized('unauthorized', "Send the application's token as Authorization: Bearer <token>.");
  }
  const app = state.applications.get(id);
  if (!app || app.channel.id !== channelId) {
    throw new HttpError(404, 'application_not_found', `No application ${id} at ${channelId}.`);
  }
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(app.token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw unauthorized('invalid_token', 'This token does not open this application.');
  }
  return app;
}
