import { z } from 'zod';
import { ApplicationStatus, DocumentUpload, StoredApplication } from '../domain/application.ts';
import { Channel, OfferEstimate, PacketField } from '../domain/channel.ts';
import { IsoDateTime, IsoMonth, Provenance, Sha256 } from '../domain/provenance.ts';
import { QuarantinedRecord } from '../domain/quarantine.ts';
import {
  ImportRecord,
  LedgerEntry,
  MonthAggregate,
  Platform,
  Settings,
  StoredProfile,
} from '../domain/records.ts';

/** Who may send a message: an extension page (popup, options) or a content script on a dashboard. */
export type SenderKind = 'extension-page' | 'content-script';

export interface MessageSpec<Req extends z.ZodType, Res extends z.ZodType> {
  /** Senders allowed to send this message; the background rejects everyone else. */
  senders: readonly SenderKind[];
  request: Req;
  response: Res;
}

function spec<Req extends z.ZodType, Res extends z.ZodType>(s: MessageSpec<Req, Res>): MessageSpec<Req, Res> {
  return s;
}

export const Overview = z.object({
  imports: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  orders: z.number().int().nonnegative(),
  firstMonth: IsoMonth.nullable(),
  lastMonth: IsoMonth.nullable(),
  platforms: z.array(Platform),
  months: z.array(MonthAggregate),
  settings: Settings,
  /**
   * Files whose import was interrupted (the page closed, the browser killed) and rolled back:
   * nothing of them was kept; the seller is told to import them again. Absent: none.
   */
  interrupted: z.array(z.object({ importId: Sha256, name: z.string(), at: IsoDateTime })).optional(),
});
export type Overview = z.infer<typeof Overview>;

/**
 * The stored profile as the popup shows it. The stored value only fixes score and band (the rest
 * is what `lib/profile` computed); the parts the popup shows are checked here, by the background's
 * router, and a malformed part is left out (not shown) instead of failing the whole answer. The
 * popup then needs no zod of its own before its first paint (issue 10).
 */
export const ProfileAnswer = StoredProfile.extend({
  profile: StoredProfile.shape.profile.extend({
    reasons: z
      .array(z.object({ code: z.string(), message: z.string(), params: z.array(z.string()).optional() }))
      .optional()
      .catch(undefined),
    capacity: z
      .object({
        amount: z.number(),
        basis: z.string(),
        code: z.string().optional(),
        params: z.array(z.string()).optional(),
      })
      .optional()
      .catch(undefined),
    factors: z
      .array(z.object({ id: z.string(), label: z.string(), points: z.number(), max: z.number() }))
      .optional()
      .catch(undefined),
    metrics: z
      .object({ ttmSales: z.number(), dataCoverage: z.number(), dataFreshnessDays: z.number().nullable() })
      .partial()
      .optional()
      .catch(undefined),
  }),
});
export type ProfileAnswer = z.infer<typeof ProfileAnswer>;

export const ImportResultSchema = z.object({
  importId: z.string(),
  added: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  months: z.array(IsoMonth),
});

const ApplyRequestSchema = z.object({
  channelIds: z.array(z.string().min(1)).min(1).max(20),
  /** Per channel, minor units of the channel's currency; default: the prequalified amount. */
  amounts: z.record(z.string(), z.number().int().positive()).optional(),
  purpose: z.string().min(1).max(500),
});

/** The whole protocol: every message type, who may send it, and the shape of both directions. */
export const PROTOCOL = {
  ping: spec({
    senders: ['extension-page', 'content-script'],
    request: z.object({}),
    response: z.object({ version: z.string() }),
  }),
  getOverview: spec({
    senders: ['extension-page'],
    request: z.object({}),
    response: Overview,
  }),
  listImports: spec({
    senders: ['extension-page'],
    request: z.object({}),
    response: z.array(ImportRecord),
  }),
  importEntries: spec({
    senders: ['extension-page', 'content-script'],
    request: z.object({
      provenance: Provenance,
      platform: Platform,
      entries: z.array(LedgerEntry).max(1_000_000),
    }),
    response: ImportResultSchema,
  }),
  getProfile: spec({
    senders: ['extension-page'],
    request: z.object({}),
    response: ProfileAnswer,
  }),
  getOffers: spec({
    senders: ['extension-page'],
    request: z.object({}),
    response: z.object({ offers: z.array(OfferEstimate), channels: z.array(Channel) }),
  }),
  /** The channel catalog alone (the options page's Channels): no offers computed for it. */
  listChannels: spec({
    senders: ['extension-page'],
    request: z.object({}),
    response: z.array(Channel),
  }),
  addCatalog: spec({
    senders: ['extension-page'],
    /** A catalog URL (HTTPS, or loopback for the sandbox) or the text of a catalog file. */
    request: z.union([z.object({ url: z.url() }), z.object({ text: z.string().max(1_000_000) })]),
    response: z.union([
      z.object({ ok: z.literal(true), added: z.array(z.string()) }),
      z.object({ ok: z.literal(false), errors: z.array(z.string()) }),
    ]),
  }),
  previewApplication: spec({
    senders: ['extension-page'],
    request: ApplyRequestSchema,
    response: z.array(
      z.object({
        channelId: z.string(),
        sheet: z.object({
          recipient: z.object({
            channelId: z.string(),
            name: z.string(),
            provider: z.string(),
            url: z.string(),
          }),
          purpose: z.string(),
          purposeParams: z.array(z.string()).optional(),
          rows: z.array(
            z.object({
              field: PacketField,
              label: z.string(),
              value: z.string(),
              given: z.boolean(),
              params: z.array(z.string()).optional(),
            }),
          ),
          withheld: z.array(z.string()),
          withheldFields: z.array(PacketField).optional(),
        }),
        missing: z.array(PacketField),
      }),
    ),
  }),
  apply: spec({
    senders: ['extension-page'],
    request: ApplyRequestSchema.extend({ submissionId: z.string().min(8).max(100) }),
    response: z.array(StoredApplication),
  }),
  listApplications: spec({
    senders: ['extension-page'],
    request: z.object({}),
    response: z.array(StoredApplication),
  }),
  applicationAction: spec({
    senders: ['extension-page'],
    request: z.object({
      id: z.string().min(1),
      action: z.discriminatedUnion('action', [
        z.object({ action: z.literal('accept'), offerId: z.string().min(1) }),
        z.object({ action: z.literal('withdraw'), reason: z.string().max(500).optional() }),
        z.object({ action: z.literal('answer'), document: DocumentUpload }),
        z.object({ action: z.literal('update'), status: ApplicationStatus, note: z.string().max(2000) }),
      ]),
    }),
    response: StoredApplication,
  }),
  /** Keeps a record of an application the seller makes on a link-out provider's own site. */
  trackLinkOut: spec({
    senders: ['extension-page'],
    request: z.object({ submissionId: z.string().min(8).max(100), channelId: z.string().min(1) }),
    response: StoredApplication,
  }),
  /** Runs the outbox and the status polling now (the alarm does it every minute). */
  tick: spec({
    senders: ['extension-page'],
    request: z.object({ force: z.boolean().optional() }),
    response: z.object({ sent: z.number().int(), polled: z.number().int() }),
  }),
  saveSettings: spec({
    senders: ['extension-page'],
    request: Settings,
    response: Settings,
  }),
  /** Deletes one import's records (chunks, dedupe keys, monthly totals) and recomputes the profile. */
  removeImport: spec({
    senders: ['extension-page'],
    request: z.object({ importId: Sha256 }),
    response: z.object({
      importId: Sha256,
      removed: z.number().int().nonnegative(),
      months: z.array(IsoMonth),
      /** Imports that skipped records as duplicates of the removed one: import them again to restore those. */
      reimport: z.array(Sha256),
    }),
  }),
  /**
   * Every store's content, as stored. Paged by record chunks: the first page (no `after`) also
   * carries every other store; continue with `after: next` until `next` is null.
   */
  exportAll: spec({
    senders: ['extension-page'],
    request: z.object({ after: z.tuple([z.string(), IsoMonth, z.number().int().nonnegative()]).optional() }),
    response: z.object({
      databaseVersion: z.number().int().positive(),
      stores: z
        .object({
          imports: z.array(z.unknown()),
          dedupe: z.array(z.unknown()),
          aggregates: z.array(z.unknown()),
          settings: z.array(z.object({ key: z.string(), value: z.unknown() })),
          profiles: z.array(z.object({ key: z.string(), value: z.unknown() })),
          applications: z.array(z.unknown()),
          channels: z.array(z.unknown()),
          quarantine: z.array(z.unknown()),
        })
        .optional(),
      chunks: z.array(z.unknown()),
      /** Damaged chunks set aside while this page was read, as quarantine entries. */
      quarantined: z.array(z.unknown()).optional(),
      next: z.tuple([z.string(), IsoMonth, z.number().int().nonnegative()]).nullable(),
    }),
  }),
  /** The seller read the notice of an interrupted import: it goes. */
  dismissInterrupted: spec({
    senders: ['extension-page'],
    request: z.object({ importId: Sha256 }),
    response: z.object({}),
  }),
  /** Stored values that failed validation when read and were set aside (newest first). */
  listQuarantine: spec({
    senders: ['extension-page'],
    request: z.object({}),
    response: z.array(QuarantinedRecord.omit({ value: true })),
  }),
  /**
   * The dashboard panel's one line: how many channels the seller prequalifies for and the largest
   * amount, in the language the seller chose. Counts and one amount only: nothing about the
   * seller's records reaches the page's content script.
   */
  getPanelSummary: spec({
    senders: ['content-script'],
    request: z.object({}),
    response: z.object({
      language: z.enum(['en', 'zh_CN']),
      hasHistory: z.boolean(),
      checked: z.number().int().nonnegative(),
      eligible: z.number().int().nonnegative(),
      /** The largest prequalified amount, major units (as offers carry it). */
      best: z.object({ amount: z.number(), currency: z.string().length(3) }).nullable(),
    }),
  }),
  /** The panel's link: opens the popup, or the options page where the browser cannot open it. */
  openPopup: spec({
    senders: ['content-script'],
    request: z.object({}),
    response: z.object({ opened: z.enum(['popup', 'options']) }),
  }),
  /** Clears every IndexedDB store in one transaction. The request must say `delete`, as the seller typed. */
  deleteAll: spec({
    senders: ['extension-page'],
    request: z.object({ confirm: z.literal('delete') }),
    response: z.object({ cleared: z.array(z.string()) }),
  }),
};

export type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.input<Protocol[T]['request']>;
export type ParsedRequestOf<T extends MessageType> = z.output<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<Protocol[T]['response']>;

/** What goes over `runtime.sendMessage`. The marker keeps stray messages of other code out. */
export const Envelope = z.object({
  channel: z.literal('tradeline/v1'),
  type: z.string(),
  data: z.unknown(),
});
export type Envelope = z.infer<typeof Envelope>;

export const ErrorCode = z.enum(['forbidden', 'invalid_request', 'unknown_type', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: ErrorCode, message: z.string() }),
  }),
]);
export type Reply = z.infer<typeof Reply>;

export function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(PROTOCOL, type);
}
