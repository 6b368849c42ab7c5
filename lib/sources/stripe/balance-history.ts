import { defineFormat } from '../format.ts';
import { type BalanceAction, balanceReader } from './_balance.ts';

/**
 * Balance transaction `Type` values (https://docs.stripe.com/api/balance_transactions/object) to
 * ledger records. Before 2017 payouts were `transfer`s. Disputes were `adjustment`s then, and stay
 * adjustments here. Not listed: signed adjustments.
 */
const ACTIONS: Readonly<Record<string, BalanceAction>> = {
  charge: 'order',
  payment: 'order',
  refund: 'refund',
  payment_refund: 'refund',
  stripe_fee: 'fee',
  stripe_fx_fee: 'fee',
  tax_fee: 'fee',
  network_cost: 'fee',
  payout: 'payout',
  transfer: 'payout',
  payout_failure: 'payoutReturned',
  payout_cancel: 'payoutReturned',
  transfer_failure: 'payoutReturned',
  transfer_cancel: 'payoutReturned',
  reserved_funds: 'reserve',
  reserve_transaction: 'reserve',
  payment_network_reserve_hold: 'reserve',
  payment_network_reserve_release: 'reserve',
  payout_minimum_balance_hold: 'reserve',
  payout_minimum_balance_release: 'reserve',
};

/**
 * The Stripe Dashboard's legacy "Balance > Export" (balance history): `id` is the balance
 * transaction (`txn_…`), `Source` the charge, refund or payout. Amounts are signed as the balance
 * sees them: payouts and transfers are negative rows, recorded as positive payouts.
 */
export const stripeBalanceHistory = defineFormat({
  id: 'stripe-balance-history',
  platform: 'stripe',
  label: 'Stripe balance history export (legacy Dashboard)',
  delimiters: [','],
  columns: {
    id: ['id'],
    created: ['Created (UTC)', 'Created'],
    currency: ['Currency'],
    gross: ['Amount'],
    fee: ['Fee'],
    net: ['Net'],
    category: ['Type'],
    source: ['Source'],
    // Not in this export: refunds and disputes are tied to their charge only through `Source`.
    chargeId: [],
    customerFacingAmount: ['Customer Facing Amount'],
    customerFacingCurrency: ['Customer Facing Currency'],
    payoutStatus: [],
    description: ['Description'],
  },
  required: ['id', 'created', 'currency', 'gross', 'fee', 'net', 'category', 'source'],
  createReader: (ctx) => balanceReader(ctx, ACTIONS),
});
