import { DAY, HOUR, type Lender, MINUTE } from '../machine.ts';
import {
  addOffer,
  askForInfo,
  closing,
  decline,
  figures,
  infoRequestFor,
  money,
  percent,
  purposeReason,
} from './common.ts';

/** The most a receipts advance lends: this share of trailing-12-month net receipts (sales less refunds). */
const TTM_SHARE = 0.1;

/**
 * platform-direct: a payment platform lends against incoming receipts.
 * submitted → in_review → offer | counter_offer | declined → accepted → funded → repaying.
 *
 * Declines score < 30, chargebacks of 1% or more, < 3 months of history, a blocked purpose.
 * The lender underwrites on what it actually collects: net receipts, i.e. TTM sales less refunds
 * (the catalog's published sizing, which the extension estimates from, is 10% of gross sales).
 * Asking for more than 10% of net receipts gets a counter-offer of 10% (rounded down to a whole
 * hundred, within the channel's maximum); the seller must accept it explicitly. So a seller with
 * any refunds who asks for the estimated amount gets a counter-offer.
 */
export const platformDirect: Lender = {
  model: 'platform-direct',

  decide(packet, channel) {
    const f = figures(packet);
    const reviewReasons: string[] = [];
    if (f.score < 30) reviewReasons.push(`Score ${f.score} is below our minimum of 30.`);
    if (f.chargebackRate !== null && f.chargebackRate >= 0.01) {
      reviewReasons.push(`Chargeback rate ${percent(f.chargebackRate)} must stay below 1.0%.`);
    }
    if (f.months < 3)
      reviewReasons.push(`3 months of sales history are needed; the profile covers ${f.months}.`);
    const purpose = purposeReason(f.purpose);
    if (purpose) reviewReasons.push(purpose);

    let amount = f.requested;
    if (f.ttm !== null) {
      const hundred = 100 * 100; // a whole hundred, in minor units of a 2-decimal currency
      const netReceipts = f.ttm * (1 - (f.refundRate ?? 0));
      const cap = Math.min(channel.sizing.max, Math.floor((netReceipts * TTM_SHARE) / hundred) * hundred);
      if (cap < channel.sizing.min) {
        reviewReasons.push(
          `Your sales support at most ${money(cap, f.currency)}, below our smallest advance of ${money(channel.sizing.min, f.currency)}.`,
        );
      }
      amount = Math.min(amount, cap);
    }

    return {
      infoRequest: infoRequestFor(f),
      reviewReasons,
      bankReasons: [],
      amount,
      currency: f.currency,
      requested: f.requested,
      fundingPerDay: 0,
    };
  },

  transitions: [
    { from: 'submitted', to: 'in_review', after: 10 * MINUTE, note: 'Review started' },
    askForInfo(2 * HOUR),
    {
      from: 'in_review',
      to: 'declined',
      after: DAY,
      when: (app) => app.decision.reviewReasons.length > 0,
      note: 'Declined',
      apply: (app, moment) => decline(app, app.decision.reviewReasons, moment),
    },
    {
      from: 'in_review',
      to: 'counter_offer',
      after: DAY,
      when: (app) => app.decision.amount < app.decision.requested,
      note: (app) =>
        `Counter-offer: ${money(app.decision.amount, app.decision.currency)} instead of ${money(app.decision.requested, app.decision.currency)} (at most 10% of your last 12 months' sales less refunds)`,
      apply: (app, moment) => addOffer(app, app.decision.amount, moment),
    },
    {
      from: 'in_review',
      to: 'offer',
      after: DAY,
      note: 'Offer ready',
      apply: (app, moment) => addOffer(app, app.decision.amount, moment),
    },
    ...closing({ fundAfter: DAY, repayAfter: DAY }),
  ],
};
