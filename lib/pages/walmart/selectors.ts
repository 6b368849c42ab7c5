import type { Selector } from '../core/selectors.ts';

/**
 * Selectors of Walmart Seller Center: Orders (manage orders list) and Payments (settlement
 * periods with their reconciliation report downloads). Test ids and labels first, classes last.
 */
export const SELECTORS = {
  ordersMarker: ['[data-automation-id="orders-table"]', 'table[aria-label*="order" i]', 'main table'],
  ordersTable: [
    '[data-automation-id="orders-table"] table',
    'table[data-automation-id="orders-table"]',
    'table[aria-label*="order" i]',
    'main table',
  ],
  paymentsMarker: ['[data-automation-id="payments-table"]', 'table[aria-label*="payment" i]', 'main table'],
  reconLinks: [
    '[data-automation-id="payments-table"] a[href*="recon" i]',
    'a[href*="reconreport" i]',
    'a[href*="recon" i][href*="download" i]',
    'a[download][href$=".csv" i]',
  ],
  next: [
    'a[rel="next"]',
    'button[aria-label="Next page"] + a',
    'nav[aria-label*="pagination" i] a[aria-label*="next" i]',
  ],
} as const satisfies Record<string, Selector>;

export const WALMART_MATCHES = ['https://seller.walmart.com/*'] as const;

export const WALMART_SITE = {
  id: 'walmart',
  label: 'Walmart Seller Center',
  matches: WALMART_MATCHES,
} as const;
