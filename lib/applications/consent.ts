import type { BusinessDetails, ConsentReceipt } from '../domain/application.ts';
import type { Channel, PacketField } from '../domain/channel.ts';
import { formatMoney } from '../money/format.ts';
import { FIELD_LABELS, fieldValue, type PacketSources } from './packet.ts';

export const NOT_YET_GIVEN = 'not yet given';

/** One line of the consent sheet: what leaves the browser, as the seller reads it. */
export interface ConsentRow {
  field: PacketField;
  label: string;
  /** The value as shown; `not yet given` when the seller has not entered it. */
  value: string;
  given: boolean;
}

export interface ConsentSheet {
  recipient: { channelId: string; name: string; provider: string; url: string };
  purpose: string;
  rows: ConsentRow[];
  /** Everything Tradeline holds that this channel does NOT receive. */
  withheld: string[];
}

function show(field: PacketField, value: unknown, locale: string): string {
  if (value === undefined || value === null || value === '') return NOT_YET_GIVEN;
  if (field === 'requested.amount') {
    const m = value as { amount: number; currency: string };
    return formatMoney(m.amount, m.currency, locale);
  }
  if (field === 'profile.summary') {
    const p = value as {
      score: number;
      band: string;
      monthsOfHistory: number;
      ttmSales: { amount: number; currency: string };
    };
    return `score ${p.score} (band ${p.band}), ${p.monthsOfHistory} months of history, ${formatMoney(p.ttmSales.amount, p.ttmSales.currency, locale)} of sales in the last 12 months`;
  }
  if (field === 'profile.monthly') {
    const months = value as { month: string }[];
    return months.length
      ? `${months.length} months, ${months[0]?.month} to ${months.at(-1)?.month}`
      : 'no months';
  }
  if (field === 'provenance') {
    const list = value as { format: string; rows: number; sha256: string }[];
    return (
      list.map((p) => `${p.format} (${p.rows} rows, SHA-256 ${p.sha256.slice(0, 12)}…)`).join('; ') || 'none'
    );
  }
  return String(value);
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
    const shown = show(field, value, locale);
    return { field, label: FIELD_LABELS[field], value: shown, given: shown !== NOT_YET_GIVEN };
  });
  const declared = new Set<PacketField>(s.channel.requiredFields);
  const withheld = (Object.keys(FIELD_LABELS) as PacketField[])
    .filter((f) => !declared.has(f))
    .map((f) => FIELD_LABELS[f]);
  withheld.push('Your individual orders, customers and addresses (never sent to any channel)');
  return {
    recipient: recipientOf(s.channel),
    purpose: `Apply for financing from ${s.channel.name} (${s.channel.provider})${s.requested.purpose ? `: ${s.requested.purpose}` : ''}`,
    rows,
    withheld,
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
