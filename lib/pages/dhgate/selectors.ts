import type { Selector } from '../core/selectors.ts';

/**
 * Selectors of the DHgate seller backend (敦煌网 卖家后台): the order list (订单列表) and the
 * settlement records (放款记录 / 结算). Ids and labels first, the tables' classes last.
 */
export const SELECTORS = {
  ordersMarker: ['#orderListTable', '[data-role="order-list"]', 'table.order-list', 'main table'],
  ordersTable: [
    '#orderListTable',
    '[data-role="order-list"] table',
    'table.order-list',
    'main table',
    'table',
  ],
  settlementMarker: [
    '#settlementTable',
    '[data-role="settlement-list"]',
    'table.settlement-list',
    'main table',
  ],
  settlementTable: [
    '#settlementTable',
    '[data-role="settlement-list"] table',
    'table.settlement-list',
    'main table',
    'table',
  ],
  next: ['a[rel="next"]', 'a.next-page[href]', 'a[title="下一页"]', 'a[title="Next"]'],
} as const satisfies Record<string, Selector>;

export const DHGATE_MATCHES = ['https://seller.dhgate.com/*'] as const;

export const DHGATE_SITE = { id: 'dhgate', label: 'DHgate Seller', matches: DHGATE_MATCHES } as const;
