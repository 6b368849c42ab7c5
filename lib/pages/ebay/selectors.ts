import type { Selector } from '../core/selectors.ts';

/**
 * Selectors of eBay Seller Hub (Orders) and eBay payments (All transactions, Payouts). The
 * tables are found by their labels and test ids first, by layout classes last; their columns
 * are read by the visible header words (see reader.ts).
 */
export const SELECTORS = {
  ordersMarker: [
    '[data-testid="orders-table"]',
    'table[aria-label*="order" i]',
    '.order-table',
    'main table',
  ],
  ordersTable: [
    '[data-testid="orders-table"] table',
    'table[aria-label*="order" i]',
    'table.order-table',
    'main table',
  ],
  transactionsMarker: [
    '[data-testid="transactions-table"]',
    'table[aria-label*="transaction" i]',
    '.transactions-table',
    'main table',
  ],
  transactionsTable: [
    '[data-testid="transactions-table"] table',
    'table[aria-label*="transaction" i]',
    'table.transactions-table',
    'main table',
  ],
  payoutsMarker: [
    '[data-testid="payouts-table"]',
    'table[aria-label*="payout" i]',
    '.payouts-table',
    'main table',
  ],
  payoutsTable: [
    '[data-testid="payouts-table"] table',
    'table[aria-label*="payout" i]',
    'table.payouts-table',
    'main table',
  ],
  next: [
    'a[rel="next"]',
    'nav[aria-label*="pagination" i] a[aria-label*="next" i]',
    'a.pagination__next[href]',
    'a[aria-label="Go to next search page"]',
  ],
} as const satisfies Record<string, Selector>;

const HOSTS = [
  'www.ebay.com',
  'www.ebay.co.uk',
  'www.ebay.de',
  'www.ebay.com.au',
  'www.ebay.ca',
  'www.ebay.fr',
  'www.ebay.it',
  'www.ebay.es',
];

/** Seller Hub (`/sh/`) and the payments pages (`/mes/`) of eBay's seller sites. */
export const EBAY_MATCHES = HOSTS.flatMap((host) => [`https://${host}/sh/*`, `https://${host}/mes/*`]);

export const EBAY_SITE = { id: 'ebay', label: 'eBay Seller Hub', matches: EBAY_MATCHES } as const;
