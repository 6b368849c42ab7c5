import type { Selector } from '../core/selectors.ts';

/** Selectors of the Shopify admin (Polaris tables keep their visible headers). */
export const SELECTORS = {
  payoutsMarker: ['[data-tradeline="payouts"]', 'table', 'main'],
  payoutsTable: ['main table', 'table'],
  currency: ['[data-currency]', 'meta[name="shop-currency"]'],
  next: [
    'a[rel="next"]',
    'button[aria-label="Next"] + a',
    'a[aria-label="Next"]',
    'nav[aria-label="Pagination"] a[href*="after="]',
  ],
} as const satisfies Record<string, Selector>;

export const SHOPIFY_MATCHES = ['https://admin.shopify.com/*', 'https://*.myshopify.com/admin/*'] as const;

/** The family as the registry and the content script know it. */
export const SHOPIFY_SITE = { id: 'shopify', label: 'Shopify admin', matches: SHOPIFY_MATCHES } as const;
