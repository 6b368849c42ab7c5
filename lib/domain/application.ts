import { z } from 'zod';
import { PacketField } from './channel.ts';
import { Money } from './money.ts';
import { IsoDate, IsoDateTime, IsoMonth, Sha256 } from './provenance.ts';

/** The common status model of DESIGN.md ("Application status"). */
export const ApplicationStatus = z.enum([
  'draft',
  'queued',
  'submitted',
  'in_review',
  'bank_review',
  'info_requested',
  'offer',
  'counter_offer',
  'accepted',
  'listed',
  'funding',
  'funded',
  'repaying',
  'paid_off',
  'declined',
  'withdrawn',
  'expired',
]);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const TERMINAL_STATUSES: readonly ApplicationStatus[] = [
  'paid_off',
  'declined',
  'withdrawn',
  'expired',
];

export const StatusEvent = z.object({
  at: IsoDateTime,
  status: ApplicationStatus,
  source: z.enum(['tradeline', 'channel', 'seller']),
  note: z.string().max(2000).optional(),
});
export type StatusEvent = z.infer<typeof StatusEvent>;

export const Offer = z.object({
  id: z.string().min(1).max(100),
  amount: Money,
  fee: Money,
  apr: z.number().min(0).max(10),
  termMonths: z.number().int().positive().max(120),
  repaymentStyle: z.enum(['percent-of-sales', 'fixed-installments']),
  /** True when the channel offers less (or other terms) than asked: the seller must accept explicitly. */
  counter: z.boolean(),
  expiresAt: IsoDateTime,
});
export type Offer = z.infer<typeof Offer>;

export const InfoRequest = z.object({
  id: z.string().min(1).max(100),
  /** What is asked for, e.g. `bank_statement`, `id_document`, `invoice`. */
  item: z.string().min(1).max(100),
  message: z.string().max(2000),
  status: z.enum(['open', 'answered']),
});
export type InfoRequest = z.infer<typeof InfoRequest>;

/** Model-specific detail carried alongside the common status. */
export const StageDetail = z.object({
  /** bank-partnered: which review the application is in. */
  bank: z
    .object({
      stage: z.enum(['platform_review', 'bank_review', 'done']),
      platformDecision: z.enum(['pending', 'passed', 'failed']),
      bankDecision: z.enum(['pending', 'approved', 'declined']),
      bankName: z.string().max(120).optional(),
    })
    .optional(),
  /** p2p: the listing's funding progress. */
  p2p: z
    .object({
      fundedPercent: z.number().min(0).max(100),
      investors: z.number().int().nonnegative(),
      listingEndsAt: IsoDateTime,
    })
    .optional(),
});
export type StageDetail = z.infer<typeof StageDetail>;

/** `GET /applications/{id}`: the channel's view of one application. */
export const ApplicationView = z.object({
  id: z.string().min(1).max(100),
  channelId: z.string(),
  status: ApplicationStatus,
  detail: StageDetail,
  events: z.array(StatusEvent).max(1000),
  offers: z.array(Offer).max(20),
  requests: z.array(InfoRequest).max(50),
  declineReasons: z.array(z.string().max(300)).max(4).optional(),
  reapplyAfter: IsoDate.optional(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

/** `POST /applications` answer (201, and the same again for a repeated Idempotency-Key). */
export const CreatedApplication = z.object({
  id: z.string().min(1).max(100),
  /** Bearer token for every later call on this application. */
  token: z.string().min(16).max(200),
  status: ApplicationStatus,
});
export type CreatedApplication = z.infer<typeof CreatedApplication>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().min(1).max(100),
    message: z.string().max(2000),
    field: z.string().max(200).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

// ---- The application packet ----

/**
 * Business details, named after the UK SME Finance application data standard where it has a
 * field (Open Banking / SME Finance Platform designation): legal name, registration number,
 * country of incorporation, trading history, contact.
 */
export const BusinessDetails = z.object({
  legalName: z.string().min(1).max(200),
  registrationNumber: z.string().max(50).optional(),
  country: z.string().regex(/^[A-Z]{2}$/),
  yearsTrading: z.number().min(0).max(200),
  contactName: z.string().min(1).max(200),
  contactEmail: z.email(),
  contactPhone: z.string().max(40).optional(),
});
export type BusinessDetails = z.infer<typeof BusinessDetails>;

export const ProfileSummary = z.object({
  currency: z.string().length(3),
  asOf: IsoDate,
  score: z.number().int().min(0).max(100),
  band: z.enum(['A', 'B', 'C', 'D', 'E']),
  monthsOfHistory: z.number().int().nonnegative(),
  ttmSales: Money,
  avgMonthlySales: Money.nullable(),
  lowestMonthSales: Money.nullable(),
  refundRate: z.number().nullable(),
  chargebackRate: z.number().nullable(),
  growthRate: z.number().nullable(),
  dataCoverage: z.number(),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

export const MonthlyAggregate = z.object({
  month: IsoMonth,
  orders: z.number().int().nonnegative(),
  grossSales: Money,
  refunds: Money,
  fees: Money,
  payouts: Money,
});

export const SourceProvenance = z.object({
  format: z.string(),
  kind: z.enum(['file', 'page']),
  periodStart: IsoDate.optional(),
  periodEnd: IsoDate.optional(),
  rows: z.number().int().nonnegative(),
  sha256: Sha256,
});

/** A consent receipt in the spirit of the Kantara Consent Receipt specification. */
export const ConsentReceipt = z.object({
  receiptId: z.string().min(1).max(100),
  version: z.literal('tradeline-consent/1'),
  /** When the seller consented. */
  consentAt: IsoDateTime,
  /** Who consented (the business and the person). */
  subject: z.object({ legalName: z.string().nullable(), contactEmail: z.string().nullable() }),
  recipient: z.object({ channelId: z.string(), name: z.string(), provider: z.string(), url: z.string() }),
  purpose: z.string().min(1).max(500),
  /** Exactly the fields sent. */
  fields: z.array(PacketField),
  revokedAt: IsoDateTime.optional(),
});
export type ConsentReceipt = z.infer<typeof ConsentReceipt>;

/** What `POST /applications` carries. Only the fields the channel declared are present. */
export const ApplicationPacket = z.object({
  packetVersion: z.literal(1),
  channelId: z.string(),
  requested: z.object({ amount: Money.optional(), purpose: z.string().max(500).optional() }).optional(),
  business: BusinessDetails.partial().optional(),
  profile: z
    .object({ summary: ProfileSummary.optional(), monthly: z.array(MonthlyAggregate).max(240).optional() })
    .optional(),
  provenance: z.array(SourceProvenance).max(1000).optional(),
  consent: ConsentReceipt,
});
export type ApplicationPacket = z.infer<typeof ApplicationPacket>;

// ---- Request bodies of the action endpoints ----

/** Longest base64 text of one document: the whole request stays under the 1 MiB body limit (files up to ~700 KB). */
export const MAX_DOCUMENT_BASE64_CHARS = 1_000_000;

/** `POST /applications/{id}/documents`: one file answering one open information request, as JSON. */
export const DocumentUpload = z.object({
  /** The InfoRequest this answers. */
  requestId: z.string().min(1).max(100),
  filename: z.string().min(1).max(200),
  /** MIME type, e.g. `application/pdf`. */
  contentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'expected a MIME type such as application/pdf'),
  contentBase64: z.base64().min(1).max(MAX_DOCUMENT_BASE64_CHARS),
});
export type DocumentUpload = z.infer<typeof DocumentUpload>;

/** `POST /applications/{id}/accept`: the offer (or counter-offer) the seller accepts. */
export const AcceptRequest = z.object({ offerId: z.string().min(1).max(100) });
export type AcceptRequest = z.infer<typeof AcceptRequest>;

/** `POST /applications/{id}/withdraw`. */
export const WithdrawRequest = z.object({ reason: z.string().max(500).optional() });
export type WithdrawRequest = z.infer<typeof WithdrawRequest>;

// ---- Applications as Tradeline stores them ----

/**
 * Where the application is in Tradeline's outbox: `queued` (stored, waiting for its attempt),
 * `sending` (an attempt is in flight or was cut short), `sent` (the channel answered 201),
 * `failed` (the channel refused it with a 4xx: the seller must act), `manual` (a link-out
 * channel: the seller applies on the provider's site and records the outcome).
 */
export const OutboxState = z.enum(['queued', 'sending', 'sent', 'failed', 'manual']);
export type OutboxState = z.infer<typeof OutboxState>;

export const StoredApplication = z.object({
  /** `${submissionId}:${channelId}`: one application per channel and submission, by construction. */
  id: z.string().min(1),
  submissionId: z.string().min(1),
  channelId: z.string().min(1),
  channelName: z.string(),
  model: z.enum(['bank-partnered', 'platform-direct', 'p2p']),
  /** The channel's API base URL (or the provider's page for link-outs) when the seller applied. */
  endpoint: z.string(),
  /** Sent with every attempt: a retry can never create a second application. */
  idempotencyKey: z.string().min(1).max(200),
  packet: ApplicationPacket.nullable(),
  consent: ConsentReceipt,
  outbox: z.object({
    state: OutboxState,
    attempts: z.number().int().nonnegative(),
    nextAttemptAt: IsoDateTime.nullable(),
    sendingSince: IsoDateTime.nullable(),
    lastError: z
      .object({ code: z.string(), message: z.string(), status: z.number().int().nullable() })
      .optional(),
  }),
  remote: z
    .object({
      id: z.string(),
      token: z.string(),
      /**
       * How many events of the channel's log the stored status was taken from. The log only
       * grows, so an answer with fewer is older than what is stored (two reads crossed) and its
       * status is not applied. Absent before any read.
       */
      seenEvents: z.number().int().nonnegative().optional(),
    })
    .optional(),
  status: ApplicationStatus,
  detail: StageDetail,
  offers: z.array(Offer),
  requests: z.array(InfoRequest),
  declineReasons: z.array(z.string()).optional(),
  reapplyAfter: IsoDate.optional(),
  events: z.array(StatusEvent),
  poll: z.object({ nextPollAt: IsoDateTime.nullable(), intervalMs: z.number().int().positive() }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type StoredApplication = z.infer<typeof StoredApplication>;
