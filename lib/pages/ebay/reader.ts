import { ebayOrders } from '../../sources/ebay/orders.ts';
import { ebayTransactions } from '../../sources/ebay/transactions.ts';
import { pageVariant, payoutListFormat } from '../core/list-formats.ts';
import type { SiteAdapter } from '../core/types.ts';
import { EBAY_SITE, SELECTORS } from './selectors.ts';

/**
 * The Orders list shows the orders report's columns under shorter words and without the Sales
 * Record Number: the report's dictionary and reader, with the page's words added.
 */
const ordersPage = pageVariant(
  ebayOrders,
  {
    orderNumber: ['Order number', 'Order no.', 'Order #'],
    buyerUsername: ['Buyer'],
    itemTitle: ['Item', 'Item title'],
    quantity: ['Qty', 'Quantity'],
    soldFor: ['Sold for', 'Item subtotal'],
    totalPrice: ['Total', 'Order total'],
    saleDate: ['Date sold', 'Sold on', 'Sale date'],
    paidOn: ['Date buyer paid', 'Paid on', 'Paid date'],
  },
  ['orderNumber', 'totalPrice', 'saleDate'],
);

/** All transactions: the transaction report's columns, with the list's shorter words. */
const transactionsPage = pageVariant(ebayTransactions, {
  date: ['Date', 'Transaction date'],
  orderNumber: ['Order number', 'Order'],
  netAmount: ['Net amount', 'Net'],
  grossAmount: ['Gross amount', 'Gross'],
  itemTitle: ['Item', 'Item title'],
});

/** Payouts: one row per payout, keyed by Payout ID like the transaction report's payout rows. */
const payoutsPage = payoutListFormat({
  id: 'ebay-payouts-page',
  platform: 'ebay',
  label: 'eBay payouts list',
  columns: {
    payoutId: [...ebayTransactions.columns.payoutId],
    date: [...ebayTransactions.columns.payoutDate, 'Date', 'Payout initiated'],
    amount: ['Amount', 'Payout amount', 'Net amount'],
    currency: [...ebayTransactions.columns.payoutCurrency, 'Currency'],
    status: [...ebayTransactions.columns.payoutStatus, 'Status'],
  },
  dateOrder: 'mdy',
  failed: /fail|return|revers|cancel/i,
  pending: /pending|initiated|in progress|processing|scheduled|on hold/i,
});

export const ebayAdapter: SiteAdapter = {
  id: EBAY_SITE.id,
  label: EBAY_SITE.label,
  matches: EBAY_SITE.matches,
  pages: [
    {
      id: 'orders',
      label: 'Orders',
      path: /^\/sh\/ord\b/,
      marker: SELECTORS.ordersMarker,
      tables: { table: SELECTORS.ordersTable, formats: [ordersPage] },
      next: SELECTORS.next,
    },
    {
      id: 'transactions',
      label: 'All transactions',
      path: /^\/(mes\/transactionlist|sh\/fin\/transactions)\b/,
      marker: SELECTORS.transactionsMarker,
      tables: { table: SELECTORS.transactionsTable, formats: [transactionsPage] },
      next: SELECTORS.next,
    },
    {
      id: 'payouts',
      label: 'Payouts',
      path: /^\/(mes\/payoutlist|sh\/fin\/payouts)\b/,
      marker: SELECTORS.payoutsMarker,
      tables: { table: SELECTORS.payoutsTable, formats: [payoutsPage] },
      next: SELECTORS.next,
    },
  ],
};
