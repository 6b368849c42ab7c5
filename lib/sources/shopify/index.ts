import type { AnyReportFormat } from '../format.ts';
import { shopifyPaymentsTransactions } from './payments-transactions.ts';

/** The Shopify report formats Tradeline reads. */
export const shopifyFormats: readonly AnyReportFormat[] = [shopifyPaymentsTransactions];
