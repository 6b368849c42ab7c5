import { amazonSettlementV2 } from '../../sources/amazon/settlement-v2.ts';
import { shopifyOrdersExport } from '../../sources/shopify/orders-export.ts';
import { shopifyPayouts } from '../../sources/shopify/payouts.ts';
import type { SiteAdapter } from '../core/types.ts';
import { DEMO_SITE, SELECTORS } from './selectors.ts';

/**
 * The demo seller dashboard of the sandbox (development and tests only: loopback hosts). Its
 * lists use the words of Shopify's exports and its statements are Amazon settlement files, so
 * it exercises the same header dictionaries and readers as the real sites.
 */
export const demoAdapter: SiteAdapter = {
  id: DEMO_SITE.id,
  label: DEMO_SITE.label,
  matches: DEMO_SITE.matches,
  pages: [
    {
      id: 'orders',
      label: 'Orders',
      path: /^\/dashboard\/orders\/?$/,
      marker: SELECTORS.ordersMarker,
      tables: { table: SELECTORS.ordersTable, formats: [shopifyOrdersExport] },
      next: SELECTORS.next,
    },
    {
      id: 'payouts',
      label: 'Payouts',
      path: /^\/dashboard\/payouts\/?$/,
      marker: SELECTORS.payoutsMarker,
      tables: { table: SELECTORS.payoutsTable, formats: [shopifyPayouts] },
      next: SELECTORS.next,
    },
    {
      id: 'statements',
      label: 'Statements',
      path: /^\/dashboard\/statements\/?$/,
      marker: SELECTORS.statementsMarker,
      reports: { links: SELECTORS.reportLinks, formats: [amazonSettlementV2] },
    },
  ],
};
