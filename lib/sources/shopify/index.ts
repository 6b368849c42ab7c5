import type { AnyReportFormat } from '../format.ts';
import { shopifyOrdersExport } from './orders-export.ts';
import { shopifyPaymentsTransactions } from './payments-transactions.ts';
import { shopifyPayouts } from './payouts.ts';

/** The Shopify report formats Tradeline reads. */
export const shopifyFormats: readonly AnyReportFormat[] = [
  shopifyOrdersExport,
  shopifyPaymentsTransactions,
  shopifyPayouts,
];
