import { orderListFormat, statementFormat } from '../core/list-formats.ts';
import type { SiteAdapter } from '../core/types.ts';
import { ALIBABA_SITE, SELECTORS } from './selectors.ts';

/** Trade Assurance orders: counted once the buyer paid (English and Chinese status words). */
const ordersPage = orderListFormat({
  id: 'alibaba-orders-page',
  platform: 'alibaba',
  label: 'Alibaba.com Trade Assurance orders',
  columns: {
    orderId: ['订单号', '订单编号', 'Order No.', 'Order number', 'Order ID'],
    date: ['创建时间', '下单时间', '订单日期', 'Order date', 'Created', 'Date created'],
    amount: ['订单金额', '订单总额', '总金额', 'Total amount', 'Order amount', 'Total'],
    currency: ['币种', 'Currency'],
    status: ['订单状态', '状态', 'Order status', 'Status'],
  },
  dateOrder: 'ymd',
  yen: 'CNY',
  paid: /^(待发货|已发货|待收货|部分发货|已完成|交易完成|已付款|预付款已到账|awaiting shipment|awaiting delivery|shipped|completed?|paid|advance payment received|balance payment received)$/i,
  notPaid:
    /待付款|等待买家付款|待确认|已取消|已关闭|awaiting payment|pending confirmation|cancell?ed|closed/i,
});

/** The fund statement (资金明细): order income, fees, refunds and withdrawals. */
const fundsPage = statementFormat({
  id: 'alibaba-fund-statement-page',
  platform: 'alibaba',
  label: 'Alibaba.com fund statement',
  columns: {
    date: ['时间', '交易时间', '入账时间', '日期', 'Date', 'Time', 'Transaction time'],
    type: ['类型', '交易类型', '收支类型', 'Type', 'Transaction type'],
    amount: ['金额', '交易金额', 'Amount'],
    income: ['收入', 'Income', 'Credit'],
    expense: ['支出', 'Expense', 'Debit'],
    currency: ['币种', 'Currency'],
    orderId: ['订单号', '关联订单', 'Order No.', 'Order number'],
    reference: ['流水号', '交易号', 'Transaction No.', 'Reference'],
    description: ['备注', '说明', 'Remark', 'Description'],
  },
  dateOrder: 'ymd',
  yen: 'CNY',
  kinds: {
    order: /订单收款|货款|订单收入|交易收入|order (payment|income)|payment received/i,
    refund: /退款|refund/i,
    fee: /手续费|服务费|佣金|fee|commission/i,
    payout: /提现|结汇|withdraw|settlement to bank/i,
    reserve: /冻结|解冻|freeze|frozen/i,
  },
});

export const alibabaAdapter: SiteAdapter = {
  id: ALIBABA_SITE.id,
  label: ALIBABA_SITE.label,
  matches: ALIBABA_SITE.matches,
  pages: [
    {
      id: 'orders',
      label: 'Orders (订单)',
      path: /\/(order|ta)\b|\/trade\//i,
      marker: SELECTORS.ordersMarker,
      tables: { table: SELECTORS.ordersTable, formats: [ordersPage] },
      next: SELECTORS.next,
    },
    {
      id: 'fund-statement',
      label: 'Fund statement (资金明细)',
      path: /\/(fund|finance|statement|bill)/i,
      marker: SELECTORS.fundMarker,
      tables: { table: SELECTORS.fundTable, formats: [fundsPage] },
      next: SELECTORS.next,
    },
  ],
};
