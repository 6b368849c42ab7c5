import { defineFormat } from '../format.ts';
import { type BalanceAction, balanceReader } from './_balance.ts';

/**
 * `reporting_category` values (https://docs.stripe.com/reports/reporting-categories) to ledger
 * records. Not listed (transfer, topup, other_adjustment, dispute_reversal, refund_failure,
 * partial_capture_reversal…): signed adjustments.
 */
const ACTIONS: Readonly<Record<string, BalanceAction>> = {
  charge: 'order',
  payment: 'order',
  refund: 'refund',
  payment_refund: 'refund',
  dispute: 'chargeback',
  fee: 'fee',
  tax: 'fee',
  network_cost: 'fee',
  payout: 'payout',
  payout_reversal: 'payoutReturned',
  risk_reserved_funds: 'reserve',
  connect_reserved_funds: 'reserve',
  payment_network_reserved_funds: 'reserve',
};

/**
 * Stripe itemized balance reports (Reports > Balance / Payout reconciliation > Download, or the
 * Reports API): `balance_change_from_activity.itemized.*`, `payouts.itemized.*` and
 * `payout_reconciliation.itemized.*`. One row per balance transaction, amounts in major units of
 * the settlement currency; the user picks the columns, the time zone and the decimal separator.
 * Dates are taken from `created` (the report's chosen time zone) when present, else `created_utc`;
 * the payouts report has `effective_at` instead.
 */
export const stripeBalance = defineFormat({
  id: 'stripe-balance',
  platform: 'stripe',
  label: 'Stripe balance / payouts report (itemized)',
  delimiters: [','],
  columns: {
    id: ['balance_transaction_id'],
    created: ['created', 'created_utc', 'effective_at', 'effective_at_utc'],
    currency: ['currency'],
    gross: ['gross'],
    fee: ['fee'],
    net: ['net'],
    category: ['reporting_category'],
    source: ['source_id', 'payout_id'],
    chargeId: ['charge_id'],
    customerFacingAmount: ['customer_facing_amount'],
    customerFacingCurrency: ['customer_facing_currency'],
    payoutStatus: ['payout_status'],
    description: ['description'],
  },
  required: ['id', 'created', 'currency', 'gross', 'fee', 'net', 'category'],
  createReader: (ctx) => balanceReader(ctx, ACTIONS),
});
