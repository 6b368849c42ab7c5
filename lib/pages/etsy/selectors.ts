import type { Selector } from '../core/selectors.ts';

/**
 * Selectors of Etsy Shop Manager: Orders (sold orders list), Payment account (recent activity)
 * and Monthly statements (CSV downloads). Test ids and labels first, layout classes last.
 */
export const SELECTORS = {
  ordersMarker: [
    '[data-test-id="sold-orders"]',
    '[aria-label*="orders" i][role="table"]',
    'table.orders-table',
    'main table',
  ],
  ordersTable: [
    '[data-test-id="sold-orders"] table',
    '[data-test-id="sold-orders"][role="table"]',
    '[aria-label*="orders" i][role="table"]',
    'table.orders-table',
    'main table',
  ],
  activityMarker: [
    '[data-test-id="payment-account-activity"]',
    'table[aria-label*="activity" i]',
    'main table',
  ],
  activityTable: [
    '[data-test-id="payment-account-activity"] table',
    'table[aria-label*="activity" i]',
    'main table',
  ],
  /** The payment account's currency, stated once on the page. */
  currency: [
    '[data-test-id="payment-account"][data-currency]',
    '[data-currency]',
    'meta[name="etsy-currency"]',
  ],
  statementsMarker: ['[data-test-id="monthly-statements"]', 'table[aria-label*="statement" i]', 'main table'],
  statementLinks: [
    '[data-test-id="monthly-statements"] a[href*="csv" i]',
    'a[href*="statement" i][href*="download" i]',
    'a[download][href$=".csv" i]',
  ],
  next: [
    'a[rel="next"]',
    'nav[aria-label*="pagination" i] a[aria-label*="next" i]',
    'a.wt-action-group__item[aria-label*="next" i]',
  ],
} as const satisfies Record<string, Selector>;

/** Shop Manager (the shop's pages and its orders), not the buyer's own account pages. */
export const ETSY_MATCHES = [
  'https://www.etsy.com/your/shops/*',
  'https://www.etsy.com/your/orders/*',
] as const;

export const ETSY_SITE = { id: 'etsy', label: 'Etsy Shop Manager', matches: ETSY_MATCHES } as const;
