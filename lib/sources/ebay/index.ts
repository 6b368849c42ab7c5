import type { AnyReportFormat } from '../format.ts';
import { ebayOrders } from './orders.ts';
import { ebayTransactions } from './transactions.ts';

/** The ebay report formats Tradeline reads. */
export const ebayFormats: readonly AnyReportFormat[] = [ebayOrders, ebayTransactions];
