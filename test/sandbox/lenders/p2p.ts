import { DAY, HOUR, iso, type Lender, later, MINUTE, type SandboxApplication } from '../machine.ts';
import {
  addOffer,
  askForInfo,
  type Band,
  closing,
  decline,
  figures,
  infoRequestFor,
  money,
  purposeReason,
} from './common.ts';

/** How long a listing stays open once funding starts. */
export const LISTING_DAYS = 14;
/** A listing that ends at least this funded becomes a counter-offer for the funded part. */
export const PARTIAL_MIN_PERCENT = 60;
/** One investor's typical ticket, minor units. */
const TICKET = 250_00;

/** Investor demand, percent of the loan funded per nominal day, by band. */
const PER_DAY: Record<Band, number> = { A: 25, B: 12, C: 6, D: 4.5, E: 3 };

/**
 * p2p: the platform lists the loan and many investors fund it.
 * submitted → in_review → listed → funding (detail.p2p.fundedPercent rising) → funded when it
 * reaches 100% before the listing ends; at the end a listing at least 60% funded becomes a
 * counter-offer for the funded part (accept → funded), below that it expires.
 *
 * Investors fund A 25%/day, B 12, C 6, D 4.5, E 3 (over 14 days: A, B fund; C, D partly; E
 * expires), half as fast when the request is more than twice the average month. Declines score
 * < 30, < 12 months of history, a blocked purpose.
 */
export const p2p: Lender = {
  model: 'p2p',

  decide(packet) {
    const f = figures(packet);
    const reviewReasons: string[] = [];
    if (f.score < 30) reviewReasons.push(`Score ${f.score} is below the marketplace's minimum of 30.`);
    if (f.months < 12)
      reviewReasons.push(`12 months of sales history are needed; the profile covers ${f.months}.`);
    const purpose = purposeReason(f.purpose);
    if (purpose) reviewReasons.push(purpose);
    const large = f.avgMonth !== null && f.requested > 2 * f.avgMonth;
    return {
      infoRequest: infoRequestFor(f),
      reviewReasons,
      bankReasons: [],
      amount: f.requested,
      currency: f.currency,
      requested: f.requested,
      fundingPerDay: PER_DAY[f.band] / (large ? 2 : 1),
    };
  },

  transitions: [
    { from: 'submitted', to: 'in_review', after: 10 * MINUTE, note: 'Review started' },
    askForInfo(2 * HOUR),
    {
      from: 'in_review',
      to: 'declined',
      after: 2 * DAY,
      when: (app) => app.decision.reviewReasons.length > 0,
      note: 'Not accepted for listing',
      apply: (app, moment) => decline(app, app.decision.reviewReasons, moment),
    },
    {
      from: 'in_review',
      to: 'listed',
      after: 2 * DAY,
      note: 'Listed for investors',
      apply: (app, moment) => {
        app.detail = {
          p2p: {
            fundedPercent: 0,
            investors: 0,
            listingEndsAt: iso(later(moment, HOUR + LISTING_DAYS * DAY)),
          },
        };
      },
    },
    { from: 'listed', to: 'funding', after: HOUR, note: 'Investors are funding the loan' },
    {
      from: 'funding',
      to: 'funded',
      after: (app) => (100 / app.decision.fundingPerDay) * DAY,
      when: (app) => finalPercent(app) >= 100,
      note: (app) => `Fully funded by ${app.detail.p2p?.investors ?? 0} investors`,
      apply: (app) => setFunded(app, 100),
    },
    {
      from: 'funding',
      to: 'counter_offer',
      after: LISTING_DAYS * DAY,
      when: (app) => finalPercent(app) >= PARTIAL_MIN_PERCENT,
      note: (app) =>
        `Listing ended ${app.detail.p2p?.fundedPercent}% funded: offer for ${money(partAmount(app), app.decision.currency)}`,
      apply: (app, moment) => {
        setFunded(app, finalPercent(app));
        addOffer(app, partAmount(app), moment);
      },
    },
    {
      from: 'funding',
      to: 'expired',
      after: LISTING_DAYS * DAY,
      note: (app) =>
        `Listing ended ${app.detail.p2p?.fundedPercent}% funded, below the ${PARTIAL_MIN_PERCENT}% needed`,
      apply: (app) => setFunded(app, finalPercent(app)),
    },
    ...closing({ fundAfter: DAY, repayAfter: 30 * DAY }),
  ],

  live(app, now, speed) {
    if (app.status !== 'funding') return;
    const days = ((now - app.enteredAt) * speed) / DAY;
    setFunded(app, Math.min(100, app.decision.fundingPerDay * days));
  },
};

/** Where the listing ends up: percent funded at its end. */
function finalPercent(app: SandboxApplication): number {
  return Math.min(100, Math.floor(app.decision.fundingPerDay * LISTING_DAYS * 10) / 10);
}

function partAmount(app: SandboxApplication): number {
  return Math.floor((app.decision.requested * finalPercent(app)) / 100);
}

function setFunded(app: SandboxApplication, rawPercent: number): void {
  const p2pDetail = app.detail.p2p;
  if (!p2pDetail) return;
  const fundedPercent = Math.floor(rawPercent * 10) / 10;
  const investors =
    fundedPercent > 0 ? Math.max(1, Math.floor((app.decision.requested * fundedPercent) / 100 / TICKET)) : 0;
  app.detail = { ...app.detail, p2p: { ...p2pDetail, fundedPercent, investors } };
}
