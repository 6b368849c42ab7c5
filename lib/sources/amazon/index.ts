import type { AnyReportFormat } from '../format.ts';
import { amazonAllOrders } from './all-orders.ts';
import { amazonDateRange } from './date-range.ts';
import { amazonSettlementV1 } from './settlement-v1.ts';
import { amazonSettlementV2 } from './settlement-v2.ts';
import { amazonVatTransactions } from './vat-transactions.ts';

/** The amazon report formats Tradeline reads. */
export const amazonFormats: readonly AnyReportFormat[] = [
  amazonSettlementV2,
  amazonSettlementV1,
  amazonDateRange,
  amazonAllOrders,
  amazonVatTransactions,
];
