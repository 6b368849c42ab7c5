import type { EmbeddedSource } from '../core/embedded.ts';
import type { Selector } from '../core/selectors.ts';

/**
 * Selectors of the Stripe Dashboard: Payments, Payouts and the balance report downloads. The
 * lists' data preloaded as JSON is preferred; the visible tables (ARIA or HTML) are the fallback.
 */
export const SELECTORS = {
  paymentsMarker: [
    '[data-testid="payments-list"]',
    '[aria-label*="payments" i][role="table"]',
    'table[aria-label*="payments" i]',
    'main table',
  ],
  paymentsTable: [
    '[data-testid="payments-list"] table',
    '[aria-label*="payments" i][role="table"]',
    'table[aria-label*="payments" i]',
    'main table',
  ],
  payoutsMarker: [
    '[data-testid="payouts-list"]',
    '[aria-label*="payouts" i][role="table"]',
    'table[aria-label*="payouts" i]',
    'main table',
  ],
  payoutsTable: [
    '[data-testid="payouts-list"] table',
    '[aria-label*="payouts" i][role="table"]',
    'table[aria-label*="payouts" i]',
    'main table',
  ],
  reportsMarker: ['[data-testid="balance-reports"]', 'main'],
  reportLinks: [
    '[data-testid="balance-reports"] a[href*="download" i]',
    'a[href*="/reports/"][href*="download" i]',
    'a[download][href$=".csv" i]',
  ],
  next: [
    'a[rel="next"]',
    'a[aria-label="Next page"]',
    'nav[aria-label*="pagination" i] a[aria-label*="next" i]',
  ],
} as const satisfies Record<string, Selector>;

/** Where the Dashboard keeps a list's data for its own scripts, most specific first. */
export const EMBEDDED: readonly EmbeddedSource[] = [
  {
    kind: 'json',
    script: [
      'script#tiny-preloaded-json[type="application/json"]',
      'script[type="application/json"][data-preloaded]',
    ],
  },
  { kind: 'assignment', name: 'window.__PRELOADED_STATE__' },
];

export const STRIPE_MATCHES = ['https://dashboard.stripe.com/*'] as const;

export const STRIPE_SITE = { id: 'stripe', label: 'Stripe Dashboard', matches: STRIPE_MATCHES } as const;
