import type { AnyReportFormat } from '../format.ts';
import { stripeBalance } from './balance.ts';
import { stripeBalanceHistory } from './balance-history.ts';
import { stripePayments } from './payments.ts';

/** The stripe report formats Tradeline reads. */
export const stripeFormats: readonly AnyReportFormat[] = [
  stripePayments,
  stripeBalance,
  stripeBalanceHistory,
];
