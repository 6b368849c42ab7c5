import * as z from 'zod/mini';
import { type EmbeddedRows, rowsOf } from '../core/embedded.ts';
import { majorUnits, orderListFormat, statementFormat } from '../core/list-formats.ts';
import type { SiteAdapter } from '../core/types.ts';
import { ALIEXPRESS_SITE, EMBEDDED, SELECTORS } from './selectors.ts';

/** Order statuses (English and Chinese) of orders the buyer paid for, and of those not paid. */
const PAID =
  /^(等待您发货|待发货|部分发货|等待买家收货|已发货|买家确认收货|交易完成|已完成|订单完成|awaiting shipment|partially shipped|awaiting (buyer )?confirmation|shipped|completed?|finished)$/i;
const NOT_PAID = /等待买家付款|待付款|已关闭|订单关闭|交易关闭|已取消|awaiting payment|closed|cancell?ed/i;

export const aliexpressOrders = orderListFormat({
  id: 'aliexpress-orders-page',
  platform: 'aliexpress',
  label: 'AliExpress order list',
  columns: {
    orderId: ['订单号', '订单编号', 'Order ID', 'Order No.', 'Order number'],
    date: ['下单时间', '创建时间', '订单时间', 'Order time', 'Order date', 'Created'],
    amount: ['订单金额', '实付金额', '支付金额', 'Order amount', 'Payment amount', 'Total'],
    currency: ['币种', 'Currency'],
    status: ['订单状态', '状态', 'Order status', 'Status'],
  },
  dateOrder: 'ymd',
  yen: 'CNY',
  paid: PAID,
  notPaid: NOT_PAID,
});

export const aliexpressFunds = statementFormat({
  id: 'aliexpress-fund-statement-page',
  platform: 'aliexpress',
  label: 'AliExpress fund statement',
  columns: {
    date: ['时间', '交易时间', '入账时间', '日期', 'Time', 'Date', 'Transaction time'],
    type: ['类型', '交易类型', '业务类型', 'Type', 'Transaction type'],
    amount: ['金额', '交易金额', 'Amount'],
    income: ['收入', 'Income', 'Credit'],
    expense: ['支出', 'Expense', 'Debit'],
    currency: ['币种', 'Currency'],
    orderId: ['订单号', '关联订单号', 'Order ID', 'Order No.'],
    reference: ['流水号', '交易流水号', 'Transaction ID', 'Serial No.'],
    description: ['备注', '说明', 'Description', 'Remark'],
  },
  dateOrder: 'ymd',
  yen: 'CNY',
  kinds: {
    order: /订单收入|交易收入|放款|订单放款|order (income|settlement)|settlement|release/i,
    refund: /退款|refund/i,
    fee: /佣金|手续费|服务费|联盟佣金|fee|commission/i,
    payout: /提现|withdraw/i,
    reserve: /冻结|解冻|保证金|freeze|frozen|deposit hold/i,
  },
});

/** An order as the order list's initial state describes it (only what is read). */
const Order = z.object({
  orderId: z.union([z.string().check(z.maxLength(40)), z.number()]),
  gmtCreate: z.string().check(z.maxLength(40)),
  orderStatus: z.string().check(z.maxLength(60)),
  payAmount: z.object({ cent: z.number(), currencyCode: z.string().check(z.maxLength(3)) }),
});
const State = z.object({ orderList: z.object({ list: z.array(Order) }) });

/** The initial state's orders as rows under the order list's header words. */
export function orderRows(data: unknown): EmbeddedRows | undefined {
  const parsed = z.safeParse(State, data);
  if (!parsed.success) return undefined;
  return rowsOf(parsed.data.orderList.list, [
    ['Order ID', (o) => String(o.orderId)],
    ['Order time', (o) => o.gmtCreate],
    ['Order amount', (o) => majorUnits(o.payAmount.cent, o.payAmount.currencyCode.toUpperCase())],
    ['Currency', (o) => o.payAmount.currencyCode],
    ['Order status', (o) => o.orderStatus],
  ]);
}

export const aliexpressAdapter: SiteAdapter = {
  id: ALIEXPRESS_SITE.id,
  label: ALIEXPRESS_SITE.label,
  matches: ALIEXPRESS_SITE.matches,
  pages: [
    {
      id: 'orders',
      label: 'Orders (订单)',
      path: /\/order/i,
      marker: SELECTORS.ordersMarker,
      tables: {
        table: SELECTORS.ordersTable,
        formats: [aliexpressOrders],
        embedded: { sources: EMBEDDED, rows: orderRows },
      },
      next: SELECTORS.next,
    },
    {
      id: 'fund-statement',
      label: 'Fund statement (资金明细)',
      path: /\/(fund|finance|settle|account)/i,
      marker: SELECTORS.fundMarker,
      tables: { table: SELECTORS.fundTable, formats: [aliexpressFunds] },
      next: SELECTORS.next,
    },
  ],
};
