import { DAY, HOUR, type Lender, MINUTE, type SandboxApplication } from '../machine.ts';
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

const BANK_NAME = 'Sandbox Partner Bank';

/**
 * bank-partnered: a data platform reviews the seller's platform data, then a partner bank reviews
 * again and lends. submitted → in_review (platform_review) → bank_review → offer | declined →
 * accepted → funded → repaying. `detail.bank` follows every stage and decision.
 *
 * Platform review fails on score < 40, < 6 months of history, refund rate > 10% or average
 * month < 5,000. The bank declines band D/E, more than 3x the lowest month, a month-less profile,
 * a blocked purpose, or less than the minimum amount.
 */
export const bankPartnered: Lender = {
  model: 'bank-partnered',

  decide(packet, channel) {
    const f = figures(packet);
    const reviewReasons: string[] = [];
    if (f.score < 40) reviewReasons.push(`Score ${f.score} is below the platform's minimum of 40.`);
    if (f.months < 6)
      reviewReasons.push(`6 months of sales history are needed; the profile covers ${f.months}.`);
    if (f.refundRate !== null && f.refundRate > 0.1) {
      reviewReasons.push(`Refund rate ${percent(f.refundRate)} is above the 10.0% limit.`);
    }
    if (f.avgMonth !== null && f.avgMonth < 5_000_00) {
      reviewReasons.push(
        `Average monthly sales of ${money(f.avgMonth, f.currency)} are below ${money(5_000_00, f.currency)}.`,
      );
    }

    const bankReasons: string[] = [];
    if (f.band === 'D' || f.band === 'E') {
      bankReasons.push(`The partner bank lends to bands A to C; this profile is band ${f.band}.`);
    }
    if (f.lowestMonth === null) {
      bankReasons.push('The profile has no complete month of sales to size the loan on.');
    } else if (f.requested > 3 * f.lowestMonth) {
      bankReasons.push(
        `The requested ${money(f.requested, f.currency)} is more than 3 times the lowest month's sales (${money(f.lowestMonth, f.currency)}).`,
      );
    }
    const purpose = purposeReason(f.purpose);
    if (purpose) bankReasons.push(purpose);
    if (f.requested < channel.sizing.min) {
      bankReasons.push(`The smallest loan is ${money(channel.sizing.min, channel.sizing.currency)}.`);
    }

    return {
      infoRequest: infoRequestFor(f),
      reviewReasons,
      bankReasons,
      amount: f.requested,
      currency: f.currency,
      requested: f.requested,
      fundingPerDay: 0,
    };
  },

  transitions: [
    {
      from: 'submitted',
      to: 'in_review',
      after: 10 * MINUTE,
      note: 'Platform review started',
      apply: (app) => {
        app.detail = {
          bank: { stage: 'platform_review', platformDecision: 'pending', bankDecision: 'pending' },
        };
      },
    },
    askForInfo(2 * HOUR),
    {
      from: 'in_review',
      to: 'declined',
      after: DAY,
      when: (app) => app.decision.reviewReasons.length > 0,
      note: 'Declined at platform review',
      apply: (app, moment) => {
        setBank(app, { stage: 'done', platformDecision: 'failed' });
        decline(app, app.decision.reviewReasons, moment);
      },
    },
    {
      from: 'in_review',
      to: 'bank_review',
      after: DAY,
      note: `Platform review passed; ${BANK_NAME} is reviewing`,
      apply: (app) => setBank(app, { stage: 'bank_review', platformDecision: 'passed', bankName: BANK_NAME }),
    },
    {
      from: 'bank_review',
      to: 'declined',
      after: 3 * DAY,
      when: (app) => app.decision.bankReasons.length > 0,
      note: `Declined by ${BANK_NAME}`,
      apply: (app, moment) => {
        setBank(app, { stage: 'done', bankDecision: 'declined' });
        decline(app, app.decision.bankReasons, moment);
      },
    },
    {
      from: 'bank_review',
      to: 'offer',
      after: 3 * DAY,
      note: `Approved by ${BANK_NAME}`,
      apply: (app, moment) => {
        setBank(app, { stage: 'done', bankDecision: 'approved' });
        addOffer(app, app.decision.amount, moment);
      },
    },
    ...closing({ fundAfter: 2 * DAY, repayAfter: 30 * DAY }),
  ],
};

type BankDetail = NonNullable<SandboxApplication['detail']['bank']>;

function setBank(app: SandboxApplication, change: Partial<BankDetail>): void {
  const bank: BankDetail = app.detail.bank ?? {
    stage: 'platform_review',
    platformDecision: 'pending',
    bankDecision: 'pending',
  };
  app.detail = { ...app.detail, bank: { ...bank, ...change } };
}
