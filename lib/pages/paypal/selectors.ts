import type { Selector } from '../core/selectors.ts';

/** Selectors of PayPal's Activity download page (generated reports listed with download links). */
export const SELECTORS = {
  reportsMarker: ['[data-testid="reports-table"]', 'table', 'main'],
  reportLinks: ['a[href*="download" i][href*="report" i]', 'a[download][href]', 'a[href$=".csv" i]'],
} as const satisfies Record<string, Selector>;

export const PAYPAL_MATCHES = ['https://www.paypal.com/*'] as const;

/** The family as the registry and the content script know it. */
export const PAYPAL_SITE = { id: 'paypal', label: 'PayPal', matches: PAYPAL_MATCHES } as const;
