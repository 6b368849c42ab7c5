import type {
  ApplicationPacket,
  BusinessDetails,
  ConsentReceipt,
  ProfileSummary,
} from '../domain/application.ts';
import type { Channel, PacketField } from '../domain/channel.ts';
import type { Money } from '../domain/money.ts';
import type { ImportRecord } from '../domain/records.ts';
import type { ProfileInput } from '../profile/input.ts';
import type { Profile } from '../profile/profile.ts';

/** Everything a packet can be made of; each channel gets only the fields it declares. */
export interface PacketSources {
  channel: Channel;
  requested: { amount?: Money; purpose?: string };
  /** What the seller entered once; missing fields are "not yet given". */
  business: Partial<BusinessDetails>;
  profile: Profile;
  input: ProfileInput;
  /** One line per file or page read (format, period, rows, SHA-256). */
  sources: readonly SourceProvenance[];
}

type SourceProvenance = NonNullable<ApplicationPacket['provenance']>[number];

/** Shown on the consent sheet, in this order. */
export const FIELD_LABELS: Readonly<Record<PacketField, string>> = {
  'requested.amount': 'Amount requested',
  'requested.purpose': 'Purpose',
  'business.legalName': 'Legal name of the business',
  'business.registrationNumber': 'Registration number',
  'business.country': 'Country',
  'business.yearsTrading': 'Years trading',
  'business.contactName': 'Contact name',
  'business.contactEmail': 'Contact email',
  'business.contactPhone': 'Contact phone',
  'profile.summary': 'Profile summary (score, band, sales, refund and chargeback rates)',
  'profile.monthly': 'Monthly totals (orders, sales, refunds, fees, payouts)',
  provenance: 'Where the data came from (format, period, rows, SHA-256 of each file or page)',
};

export function profileSummary(profile: Profile): ProfileSummary {
  const money = (amount: number | null) => (amount === null ? null : { amount, currency: profile.currency });
  const m = profile.metrics;
  return {
    currency: profile.currency,
    asOf: profile.asOf,
    score: profile.score,
    band: profile.band,
    monthsOfHistory: m.monthsOfHistory,
    ttmSales: { amount: m.ttmSales, currency: profile.currency },
    avgMonthlySales: money(m.avgMonthlySales),
    lowestMonthSales: money(m.lowestMonthSales),
    refundRate: m.refundRate,
    chargebackRate: m.chargebackRate,
    growthRate: m.growthRate,
    dataCoverage: m.dataCoverage,
  };
}

function monthly(input: ProfileInput): NonNullable<NonNullable<ApplicationPacket['profile']>['monthly']> {
  const money = (amount: number) => ({ amount, currency: input.currency });
  return input.months
    .filter((m) => m.covered)
    .slice(-24)
    .map((m) => ({
      month: m.month,
      orders: m.orders,
      grossSales: money(m.grossSales),
      refunds: money(m.refunds),
      fees: money(m.fees),
      payouts: money(m.payouts),
    }));
}

/** The provenance lines of stored imports (the extension's path). */
export function sourcesFromImports(imports: readonly ImportRecord[]): SourceProvenance[] {
  return imports.map((i) => ({
    format: i.provenance.format,
    kind: i.provenance.kind,
    ...(i.provenance.periodStart ? { periodStart: i.provenance.periodStart } : {}),
    ...(i.provenance.periodEnd ? { periodEnd: i.provenance.periodEnd } : {}),
    rows: i.provenance.rows,
    sha256: i.provenance.sha256,
  }));
}

/** The value of one field, or undefined when the seller has not given it yet. */
export function fieldValue(field: PacketField, s: PacketSources): unknown {
  switch (field) {
    case 'requested.amount':
      return s.requested.amount;
    case 'requested.purpose':
      return s.requested.purpose;
    case 'profile.summary':
      return profileSummary(s.profile);
    case 'profile.monthly':
      return monthly(s.input);
    case 'provenance':
      return [...s.sources];
    default: {
      const key = field.slice('business.'.length) as keyof BusinessDetails;
      return s.business[key];
    }
  }
}

/** The fields the channel declared that have no value yet (the seller must give them before applying). */
export function missingFields(s: PacketSources): PacketField[] {
  return s.channel.requiredFields.filter((f) => {
    const v = fieldValue(f, s);
    return v === undefined || v === null || v === '';
  });
}

/**
 * The packet for one channel: only the fields it declares in `requiredFields`, and the consent
 * receipt that lists exactly those fields.
 */
export function buildPacket(s: PacketSources, consent: ConsentReceipt): ApplicationPacket {
  const packet: ApplicationPacket = { packetVersion: 1, channelId: s.channel.id, consent };
  for (const field of s.channel.requiredFields) {
    const value = fieldValue(field, s);
    if (value === undefined || value === null || value === '') continue;
    const [group, key] = field.split('.') as [string, string | undefined];
    if (group === 'provenance') {
      packet.provenance = value as ApplicationPacket['provenance'];
    } else if (group === 'requested') {
      packet.requested = { ...packet.requested, [key as string]: value };
    } else if (group === 'business') {
      packet.business = { ...packet.business, [key as string]: value };
    } else if (group === 'profile') {
      packet.profile = { ...packet.profile, [key as string]: value };
    }
  }
  return packet;
}
