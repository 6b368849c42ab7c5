import type { EmbeddedSource } from '../core/embedded.ts';
import type { Selector } from '../core/selectors.ts';

/**
 * Selectors of the AliExpress seller center (全球速卖通 卖家后台, gsp/csp hosts): the order list
 * (订单管理) and the fund statements (资金明细 / 结算账单). Pages are shown in Chinese or English;
 * the header words of both are in reader.ts. Test ids first, Next-style table classes last.
 */
export const SELECTORS = {
  ordersMarker: ['[data-spm="order_list"]', '[data-testid="order-list"]', '.next-table', 'main table'],
  ordersTable: [
    '[data-spm="order_list"] table',
    '[data-testid="order-list"] table',
    '.next-table table',
    'main table',
    'table',
  ],
  fundMarker: ['[data-spm="fund_detail"]', '[data-testid="fund-detail"]', '.next-table', 'main table'],
  fundTable: [
    '[data-spm="fund_detail"] table',
    '[data-testid="fund-detail"] table',
    '.next-table table',
    'main table',
    'table',
  ],
  next: [
    'a[rel="next"]',
    '.next-pagination-item.next-next:not([disabled])',
    'a[aria-label="下一页"]',
    'a[aria-label="Next page"]',
  ],
} as const satisfies Record<string, Selector>;

/** Where the order list keeps its data for its own scripts. */
export const EMBEDDED: readonly EmbeddedSource[] = [
  { kind: 'assignment', name: 'window.__INITIAL_STATE__' },
  {
    kind: 'json',
    script: [
      'script#__INIT_DATA__[type="application/json"]',
      'script[type="application/json"][data-role="initial-state"]',
    ],
  },
];

export const ALIEXPRESS_MATCHES = ['https://gsp.aliexpress.com/*', 'https://csp.aliexpress.com/*'] as const;

export const ALIEXPRESS_SITE = {
  id: 'aliexpress',
  label: 'AliExpress Seller Center',
  matches: ALIEXPRESS_MATCHES,
} as const;
