import type { AnyReportFormat } from '../format.ts';
import { etsySoldOrderItems } from './sold-order-items.ts';
import { etsySoldOrders } from './sold-orders.ts';
import { etsyStatement } from './statement.ts';

/** The etsy report formats Tradeline reads. */
export const etsyFormats: readonly AnyReportFormat[] = [etsySoldOrders, etsySoldOrderItems, etsyStatement];
