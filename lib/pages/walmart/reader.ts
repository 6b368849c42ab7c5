import { walmartRecon } from '../../sources/walmart/recon.ts';
import { orderListFormat } from '../core/list-formats.ts';
import type { SiteAdapter } from '../core/types.ts';
import { SELECTORS, WALMART_SITE } from './selectors.ts';

/**
 * Manage orders: one row per purchase order, keyed by PO number like the reconciliation report's
 * sales (`walmart:order:<PO>`), so reading both counts an order once.
 */
const ordersPage = orderListFormat({
  id: 'walmart-orders-page',
  platform: 'walmart',
  label: 'Walmart orders list',
  columns: {
    orderId: [...walmartRecon.columns.purchaseOrder, 'PO #', 'PO Number', 'Purchase Order'],
    date: ['Order Date', 'Order date', 'Date'],
    amount: ['Order Total', 'Total', 'Order Amount'],
    currency: [...walmartRecon.columns.currency],
    status: ['Status', 'Order Status'],
  },
  dateOrder: 'mdy',
  paid: /^(created|acknowledged|shipped|delivered|complete(d)?|ready to ship|in progress)$/i,
  notPaid: /cancel/i,
});

export const walmartAdapter: SiteAdapter = {
  id: WALMART_SITE.id,
  label: WALMART_SITE.label,
  matches: WALMART_SITE.matches,
  pages: [
    {
      id: 'orders',
      label: 'Orders',
      path: /^\/orders\b/,
      marker: SELECTORS.ordersMarker,
      tables: { table: SELECTORS.ordersTable, formats: [ordersPage] },
      next: SELECTORS.next,
    },
    {
      id: 'payments',
      label: 'Payments (reconciliation reports)',
      path: /^\/(payments|reports\/recon)\b/,
      marker: SELECTORS.paymentsMarker,
      reports: { links: SELECTORS.reconLinks, formats: [walmartRecon] },
    },
  ],
};
