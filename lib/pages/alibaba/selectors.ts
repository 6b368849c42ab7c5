import type { Selector } from '../core/selectors.ts';

/**
 * Selectors of Alibaba.com's seller back office (My Alibaba / 国际站 i.alibaba.com and the
 * OneTouch fund pages): the orders list (Trade Assurance 订单) and the fund statement (资金明细).
 */
export const SELECTORS = {
  ordersMarker: ['[data-role="order-list"]', '[data-testid="ta-order-list"]', '.next-table', 'main table'],
  ordersTable: [
    '[data-role="order-list"] table',
    '[data-testid="ta-order-list"] table',
    '.next-table table',
    'main table',
    'table',
  ],
  fundMarker: ['[data-role="fund-statement"]', '[data-testid="fund-statement"]', '.next-table', 'main table'],
  fundTable: [
    '[data-role="fund-statement"] table',
    '[data-testid="fund-statement"] table',
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

export const ALIBABA_MATCHES = [
  'https://i.alibaba.com/*',
  'https://biz.alibaba.com/*',
  'https://onetouch.alibaba.com/*',
] as const;

export const ALIBABA_SITE = {
  id: 'alibaba',
  label: 'Alibaba.com My Alibaba',
  matches: ALIBABA_MATCHES,
} as const;
