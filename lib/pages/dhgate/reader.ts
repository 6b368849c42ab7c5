import { orderListFormat, statementFormat } from '../core/list-formats.ts';
import type { SiteAdapter } from '../core/types.ts';
import { DHGATE_SITE, SELECTORS } from './selectors.ts';

/** The order list: amounts in US dollars (DHgate's settlement currency) unless the cell says otherwise. */
const ordersPage = orderListFormat({
  id: 'dhgate-orders-page',
  platform: 'dhgate',
  label: 'DHgate order list',
  columns: {
    orderId: ['订单号', '订单编号', 'Order No.', 'Order number'],
    date: ['下单时间', '下单日期', '付款时间', 'Order time', 'Order date', 'Payment time'],
    amount: ['订单金额', '实收金额', 'Order amount', 'Amount', 'Total'],
    currency: ['币种', 'Currency'],
    status: ['订单状态', '状态', 'Order status', 'Status'],
  },
  dateOrder: 'ymd',
  fallbackCurrency: 'USD',
  yen: 'CNY',
  paid: /^(待发货|已发货|部分发货|买家已付款|等待买家确认收货|交易成功|已完成|awaiting shipment|shipped|partially shipped|paid|completed?|transaction successful)$/i,
  notPaid: /待付款|等待买家付款|未付款|已取消|交易关闭|awaiting payment|unpaid|cancell?ed|closed/i,
});

/** Settlement records (放款记录): order income released, commissions, refunds and withdrawals. */
const settlementPage = statementFormat({
  id: 'dhgate-settlement-page',
  platform: 'dhgate',
  label: 'DHgate settlement records',
  columns: {
    date: ['放款时间', '时间', '日期', 'Release time', 'Date', 'Time'],
    type: ['类型', '款项类型', '交易类型', 'Type'],
    amount: ['金额', '放款金额', 'Amount'],
    income: ['收入', 'Income'],
    expense: ['支出', 'Expense'],
    currency: ['币种', 'Currency'],
    orderId: ['订单号', 'Order No.'],
    reference: ['流水号', 'Serial No.', 'Reference'],
    description: ['备注', 'Remark'],
  },
  dateOrder: 'ymd',
  fallbackCurrency: 'USD',
  yen: 'CNY',
  kinds: {
    order: /订单放款|放款|货款|order (release|income)|release/i,
    refund: /退款|refund/i,
    fee: /佣金|手续费|服务费|commission|fee/i,
    payout: /提现|withdraw/i,
    reserve: /冻结|解冻|保证金|freeze|frozen/i,
  },
});

export const dhgateAdapter: SiteAdapter = {
  id: DHGATE_SITE.id,
  label: DHGATE_SITE.label,
  matches: DHGATE_SITE.matches,
  pages: [
    {
      id: 'orders',
      label: 'Orders (订单)',
      path: /\/order/i,
      marker: SELECTORS.ordersMarker,
      tables: { table: SELECTORS.ordersTable, formats: [ordersPage] },
      next: SELECTORS.next,
    },
    {
      id: 'settlement',
      label: 'Settlement (放款记录)',
      path: /\/(settle|fund|finance|account)/i,
      marker: SELECTORS.settlementMarker,
      tables: { table: SELECTORS.settlementTable, formats: [settlementPage] },
      next: SELECTORS.next,
    },
  ],
};
