import type { ApplicationPacket } from '../../../lib/domain/application.ts';
import { formatMoney } from '../../../lib/money/format.ts';
import {
  DAY,
  type Decision,
  iso,
  later,
  type Moment,
  type SandboxApplication,
  type Transition,
} from '../machine.ts';

/** How long an offer stands, and how long an information request waits for its document. */
export const OFFER_VALID = 7 * DAY;
export const INFO_WINDOW = 14 * DAY;
/** A declined seller may apply again after this. */
export const REAPPLY_AFTER = 90 * DAY;

/** The figures the sandbox lenders decide from (minor units in the requested currency). */
export function figures(packet: ApplicationPacket) {
  const summary = packet.profile?.summary;
  const requested = packet.requested?.amount ?? { amount: 0, currency: summary?.currency ?? 'USD' };
  /** A profile amount, only when it is in the requested currency (the sandbox converts nothing). */
  const same = (money: { amount: number; currency: string } | null | undefined) =>
    money && money.currency === requested.currency ? money.amount : null;
  return {
    requested: requested.amount,
    currency: requested.currency,
    purpose: packet.requested?.purpose ?? '',
    score: summary?.score ?? 0,
    band: summary?.band ?? 'E',
    months: summary?.monthsOfHistory ?? 0,
    ttm: same(summary?.ttmSales),
    avgMonth: same(summary?.avgMonthlySales),
    lowestMonth: same(summary?.lowestMonthSales),
    refundRate: summary?.refundRate ?? null,
    chargebackRate: summary?.chargebackRate ?? null,
    yearsTrading: packet.business?.yearsTrading,
    provenance: packet.provenance,
  };
}
export type Figures = ReturnType<typeof figures>;
export type Band = Figures['band'];

export function money(amount: number, currency: string): string {
  return formatMoney(amount, currency, 'en-US');
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/**
 * The sandbox asks for a bank statement when the business trades for less than 2 years, the
 * profile covers less than 6 months, or the packet lists no source of its sales data.
 */
export function infoRequestFor(f: Figures): Decision['infoRequest'] {
  const why =
    f.yearsTrading !== undefined && f.yearsTrading < 2
      ? `you have been trading for ${f.yearsTrading < 1 ? 'less than a year' : 'less than 2 years'}`
      : f.months < 6
        ? `your sales history covers ${f.months} month${f.months === 1 ? '' : 's'}`
        : f.provenance !== undefined && f.provenance.length === 0
          ? 'the application lists no source for its sales figures'
          : null;
  if (why === null) return null;
  return {
    item: 'bank_statement',
    message: `Because ${why}, please upload your business bank statements for the last 3 months.`,
  };
}

const BLOCKED_PURPOSE = /\b(crypto\w*|gambl\w*|casino|speculat\w*)/i;

/** A reason when the stated purpose is one no sandbox lender finances. */
export function purposeReason(purpose: string): string | null {
  const match = BLOCKED_PURPOSE.exec(purpose);
  return match ? `We do not finance the stated purpose ("${match[0]}").` : null;
}

export const hasOpenNeed = (app: SandboxApplication) =>
  app.decision.infoRequest !== null && app.requests.length === 0;

/** in_review → info_requested, a couple of hours into the review, when the decision asks for a document. */
export function askForInfo(after: number): Transition {
  return {
    from: 'in_review',
    to: 'info_requested',
    after,
    when: hasOpenNeed,
    note: (app) => `More information needed: ${app.requests[0]?.message ?? ''}`,
    apply: (app) => {
      const need = app.decision.infoRequest;
      if (need)
        app.requests.push({ id: `${app.id}-req-1`, item: need.item, message: need.message, status: 'open' });
    },
  };
}

export function decline(app: SandboxApplication, reasons: readonly string[], moment: Moment): void {
  app.declineReasons = reasons.slice(0, 4);
  app.reapplyAfter = iso(later(moment, REAPPLY_AFTER)).slice(0, 10);
}

/** An offer on the channel's published pricing; `counter` when it is less than was asked. */
export function addOffer(app: SandboxApplication, amount: number, moment: Moment): void {
  const { pricing } = app.channel;
  const { repayment } = pricing;
  const fee = Math.round(amount * pricing.flatFeeRate);
  let termMonths: number;
  if (repayment.style === 'fixed-installments') {
    termMonths = repayment.termMonths;
  } else {
    // Percent of sales: estimated from the average month, within the longest allowed term.
    const avg = figures(app.packet).avgMonth ?? 0;
    const perMonth = avg * repayment.holdbackRate;
    termMonths =
      perMonth > 0
        ? Math.min(repayment.maxTermMonths, Math.ceil((amount + fee) / perMonth))
        : repayment.maxTermMonths;
  }
  // Rough APR: interest plus the flat fee spread over the term (x2 for the declining balance).
  const apr = pricing.annualInterestRate + pricing.flatFeeRate * (12 / termMonths) * 2;
  app.offers.push({
    id: `${app.id}-offer-${app.offers.length + 1}`,
    amount: { amount, currency: app.decision.currency },
    fee: { amount: fee, currency: app.decision.currency },
    apr: Math.round(apr * 10_000) / 10_000,
    termMonths,
    repaymentStyle: repayment.style,
    counter: amount < app.decision.requested,
    expiresAt: iso(later(moment, OFFER_VALID)),
  });
}

/** The end of every model: offers and information requests lapse; accepted loans are paid out, then repaid. */
export function closing(opts: { fundAfter: number; repayAfter: number }): Transition[] {
  return [
    { from: 'offer', to: 'expired', after: OFFER_VALID, note: 'The offer expired without being accepted' },
    {
      from: 'counter_offer',
      to: 'expired',
      after: OFFER_VALID,
      note: 'The counter-offer expired without being accepted',
    },
    {
      from: 'info_requested',
      to: 'expired',
      after: INFO_WINDOW,
      note: 'The requested document did not arrive in time',
    },
    {
      from: 'accepted',
      to: 'funded',
      after: opts.fundAfter,
      note: (app) => {
        const offer = app.offers.find((o) => o.id === app.acceptedOfferId);
        return offer ? `${money(offer.amount.amount, offer.amount.currency)} paid out` : 'Paid out';
      },
    },
    { from: 'funded', to: 'repaying', after: opts.repayAfter, note: 'Repayments started' },
  ];
}
