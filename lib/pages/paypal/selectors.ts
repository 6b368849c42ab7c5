import type { Selector } from '../core/selectors.ts';

/** Selectors of PayPal's Activity download page (generated reports listed with download links). */
export const SELECTORS = {
  reportsMarker: ['[data-testid="reports-table"]', 'table', 'main'],
  reportLinks: ['a[href*="download" i][href*="report" i]', 'a[download][href]', 'a[href$=".csv" i]'],
} as const satisfies Record<string, Selector>;

export const PAYPAL_MATCHES = ['https://www.paypal.com/*'] as const;
