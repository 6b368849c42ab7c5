import type { BusinessDetails, ConsentReceipt } from '../domain/application.ts';
import type { Channel, PacketField } from '../domain/channel.ts';
import { formatMoney } from '../money/format.ts';
import { FIELD_LABELS, fieldValue, type PacketSources } from './packet.ts';

export const NOT_YET_GIVEN = 'not yet given';

/** One line of the consent sheet: what leaves the browser, as the seller reads it. */
export interface ConsentRow {
  field: PacketField;
  label: string;
  /** The value as shown (English); `not yet given` when the seller has not entered it. */
  value: string;
  given: boolean;
  /**
   * The figures of a value Tradeline words (profile summary, monthly totals, provenance), for the
   * popup to word in the seller's language; see `show`.
   */
  params?: string[];
}

export interface ConsentSheet {
  recipient: { channelId: string; name: string; provider: string; url: string };
  /** In English: the receipt keeps it as agreed. */
  purpose: string;
  /** The channel's name and provider, and the seller's own purpose if given: the popup words `purpose` from them. */
  purposeParams?: string[];
  rows: ConsentRow[];
  /** Everything Tradeline holds that this channel does NOT receive. */
  withheld: string[];
  /** The packet fields among `withheld` (the last line, individual orders, is never sent to anyone). */
  withheldFields?: PacketField[];
}

/** What a consent sheet's value says, with its figures. */
interface Shown {
  value: string;
  params?: string[];
}

function show(field: PacketField, value: unknown, locale: string): Shown {
  if (value === undefined || value === null || value === '') return { value: NOT_YET_GIVEN };
  if (field === 'requested.amount') {
    const m = value as { amount: number; currency: string };
    return { value: formatMoney(m.amount, m.currency, locale) };
  }
  if (field === 'profile.summary') {
    const p = value as {
      score: number;
      band: string;
      monthsOfHistory: number;
      ttmSales: { amount: number; currency: string };
    };
    const sales = formatMoney(p.ttmSales.amount, p.ttmSales.currency, locale);
    return {
      value: `score ${p.score} (band ${p.band}), ${p.monthsOfHistory} months of history, ${sales} of sales in the last 12 months`,
      params: [String(p.score), p.band, String(p.monthsOfHistory), sales],
    };
  }
  if (field === 'profile.monthly') {
    const months = value as { month: string }[];
    const from = months[0]?.month ?? '';
    const to = months.at(-1)?.month ?? '';
    return months.length
      ? { value: `${months.length} months, ${from} to ${to}`, params: [String(months.length), from, to] }
      : { value: 'no months', params: [] };
  }
  if (field === 'provenance') {
    const list = value as { format: string; rows: number; sha256: string }[];
    return {
      value:
        list.map((p) => `${p.format} (${p.rows} rows, SHA-256 ${p.sha256.slice(0, 12)}…)`).join('; ') ||
        'none',
      // Three params per source: format, rows, the start of its SHA-256.
      params: list.flatMap((p) => [p.format, String(p.rows), p.sha256.slice(0, 12)]),
    };
  }
  return { value: String(value) };
}

export function recipientOf(channel: Channel) {
  return {
    channelId: channel.id,
    name: channel.name,
    provider: channel.provider,
    url: channel.submission.kind === 'api' ? channel.submission.baseUrl : channel.submission.url,
  };
}

/** The sheet the seller reads before applying: recipient, purpose and every field with its value. */
export function consentSheet(s: PacketSources, locale = 'en'): ConsentSheet {
  const rows = s.channel.requiredFields.map((field) => {
    const value = fieldValue(field, s);
    const { value: shown, params } = show(field, value, locale);
    const row: ConsentRow = {
      field,
      label: FIELD_LABELS[field],
      value: shown,
      given: shown !== NOT_YET_GIVEN,
    };
    return params ? { ...row, params } : row;
  });
  const declared = new Set<PacketField>(s.channel.requiredFields);
  const withheldFields = (Object.keys(FIELD_LABELS) as PacketField[]).filter((f) => !declared.has(f));
  const withheld = withheldFields.map((f) => FIELD_LABELS[f]);
  withheld.push('Your individual orders, customers and addresses (never sent to any channel)');
  const { name, provider } = s.channel;
  return {
    recipient: recipientOf(s.channel),
    purpose: `Apply for financing from ${name} (${provider})${s.requested.purpose ? `: ${s.requested.purpose}` : ''}`,
    purposeParams: s.requested.purpose ? [name, provider, s.requested.purpose] : [name, provider],
    rows,
    withheld,
    withheldFields,
  };
}

/** The receipt stored when the seller consents (Kantara Consent Receipt in spirit: who, what, when, purpose, recipient). */
export function consentReceipt(
  s: PacketSources,
  sheet: ConsentSheet,
  now: Date,
  receiptId: string,
): ConsentReceipt {
  const business: Partial<BusinessDetails> = s.business;
  return {
    receiptId,
    version: 'tradeline-consent/1',
    consentAt: now.toISOString(),
    subject: { legalName: business.legalName ?? null, contactEmail: business.contactEmail ?? null },
    recipient: sheet.recipient,
    purpose: sheet.purpose,
    fields: sheet.rows.filter((r) => r.given).map((r) => r.field),
  };
}

/** Revoking keeps the receipt, marked with when it was revoked. */
export function revoke(receipt: ConsentReceipt, now: Date): ConsentReceipt {
  return receipt.revokedAt ? receipt : { ...receipt, revokedAt: now.toISOString() };
}
