import type { Selector } from '../core/selectors.ts';

/** Every selector of the demo dashboard (test/sandbox/dashboard), most stable first. */
export const SELECTORS = {
  ordersMarker: ['main[data-page="orders"]', '[data-testid="orders"]', 'table#orders'],
  ordersTable: ['[data-testid="orders"]', 'table#orders', 'main table'],
  payoutsMarker: ['main[data-page="payouts"]', '[data-testid="payouts"]', 'table#payouts'],
  payoutsTable: ['[data-testid="payouts"]', 'table#payouts', 'main table'],
  statementsMarker: ['main[data-page="statements"]', 'table#statements'],
  reportLinks: ['a.report-download[href]', 'a[download][href]', 'main a[href$=".txt"]'],
  next: ['nav[aria-label="Pagination"] a[rel="next"]', 'a[rel="next"]', 'a.pager-next'],
} as const satisfies Record<string, Selector>;

/** Loopback only (any port): the sandbox's demo dashboard, never a seller's real site. */
export const DEMO_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

/** The family as the registry and the content script know it. */
export const DEMO_SITE = { id: 'demo', label: 'demo dashboard', matches: DEMO_MATCHES } as const;
