import { etsySoldOrders } from '../../sources/etsy/sold-orders.ts';
import { etsyStatement } from '../../sources/etsy/statement.ts';
import { orderListFormat, pageVariant } from '../core/list-formats.ts';
import { queryFirst } from '../core/selectors.ts';
import type { SiteAdapter } from '../core/types.ts';
import { ETSY_SITE, SELECTORS } from './selectors.ts';

/**
 * The sold orders list: order number, date, total and status in the Sold Orders file's words
 * (plus the list's own), keyed `etsy:order:<id>` like that file, so reading both counts an order
 * once. The list shows the order total the buyer paid, sales tax included where Etsy shows it.
 */
const ordersPage = orderListFormat({
  id: 'etsy-orders-page',
  platform: 'etsy',
  label: 'Etsy sold orders list',
  columns: {
    orderId: [...etsySoldOrders.columns.orderId, 'Order', 'Order #', 'Order number'],
    date: [...etsySoldOrders.columns.saleDate, 'Ordered', 'Order date'],
    amount: [...etsySoldOrders.columns.orderTotal, 'Total'],
    currency: [...etsySoldOrders.columns.currency],
    status: [...etsySoldOrders.columns.status, 'Order status'],
  },
  dateOrder: 'mdy',
  paid: /^(new|paid|completed?|shipped|dispatched|posted|delivered|in progress|ready to ship|not shipped)$/i,
  notPaid: /cancel|unpaid|payment pending|awaiting payment/i,
});

/** Recent activity of the payment account: the monthly statement's columns and reader. */
const activityPage = pageVariant(
  etsyStatement,
  { title: ['Description'], info: ['Details'], feesTaxes: ['Fees and taxes', 'Fees & taxes'] },
  ['date', 'type', 'title', 'amount', 'net', 'currency'],
);

export const etsyAdapter: SiteAdapter = {
  id: ETSY_SITE.id,
  label: ETSY_SITE.label,
  matches: ETSY_SITE.matches,
  pages: [
    {
      id: 'orders',
      label: 'Sold orders',
      path: /^\/your\/orders\/sold\b/,
      marker: SELECTORS.ordersMarker,
      tables: { table: SELECTORS.ordersTable, formats: [ordersPage] },
      next: SELECTORS.next,
    },
    {
      id: 'payment-account',
      label: 'Payment account',
      path: /^\/your\/shops\/[^/]+\/payments\/?$/,
      marker: SELECTORS.activityMarker,
      tables: {
        table: SELECTORS.activityTable,
        formats: [activityPage],
        constants: (doc): Record<string, string> => {
          const el = queryFirst(doc, SELECTORS.currency);
          const code = el?.getAttribute('data-currency') ?? el?.getAttribute('content') ?? '';
          return code ? { Currency: code } : {};
        },
      },
      next: SELECTORS.next,
    },
    {
      id: 'monthly-statements',
      label: 'Monthly statements',
      path: /^\/your\/shops\/[^/]+\/payments\/(monthly-)?statements?\b/,
      marker: SELECTORS.statementsMarker,
      reports: { links: SELECTORS.statementLinks, formats: [etsyStatement] },
    },
  ],
};
