/**
 * The demo seller dashboard's data: generated from a fixed seed, so every run serves the same
 * orders, payouts and settlement statements, and `dashboardTotals` states what they add up to.
 *
 * The pages speak the words of real exports, so the extension reads them with the report
 * formats' own header dictionaries: the orders list has the columns of Shopify's orders export,
 * the payouts list those of Shopify Payments' payouts export, and the statements are Amazon
 * settlement flat files (V2), like Seller Central's "All statements" offers.
 */

import { SETTLEMENT_V2_COLUMNS } from '../../../lib/sources/amazon/settlement-v2-columns.ts';

export interface DemoOrder {
  name: string;
  createdAt: string;
  status: 'paid' | 'partially_refunded' | 'refunded' | 'pending';
  total: number;
  refunded: number;
  item: string;
}

export interface DemoPayout {
  date: string;
  status: 'paid' | 'in_transit';
  charges: number;
  refunds: number;
  fees: number;
  total: number;
}

export interface DemoStatementOrder {
  orderId: string;
  postedDate: string;
  principal: number;
  shipping: number;
  commission: number;
}

export interface DemoStatement {
  id: string;
  start: string;
  end: string;
  deposit: string;
  orders: DemoStatementOrder[];
  total: number;
}

export interface Totals {
  /** Paid orders (pending ones are not sales yet). */
  orders: number;
  /** Minor units of USD. */
  grossSales: number;
  refunds: number;
  fees: number;
  payouts: number;
}

export const ORDERS_PER_PAGE = 50;
export const PAYOUTS_PER_PAGE = 25;
/** Complete months of history before the current month: enough for every sandbox lender's minimum (12). */
export const HISTORY_MONTHS = 14;
export const ORDERS_PER_MONTH = 11;

/** mulberry32: a small deterministic generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ITEMS = ['Linen Apron - Sage', 'Stoneware Mug Set', 'Serving Bowl', 'Tea Towel Set', 'Oak Board'];
const DAY_MS = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight UTC of `date`'s day. */
function startOfDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/**
 * The demo seller: a homewares shop with 14 months of steady, slowly growing sales up to
 * yesterday (about $6,000 a month, few refunds, weekly payouts), so that its profile prequalifies
 * for one sandbox lender of each model. Dates follow `today`, so the profile stays current
 * whenever the demo runs; the same seed and day always give the same data.
 */
export function generateDashboard(seed = 20260101, today: Date = new Date()) {
  const rnd = random(seed);
  const cents = (min: number, max: number) => Math.round((min + rnd() * (max - min)) * 100);
  const todayMs = startOfDay(today);
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  const orders: DemoOrder[] = [];
  for (let k = 0; k <= HISTORY_MONTHS; k += 1) {
    const first = Date.UTC(year, month - HISTORY_MONTHS + k, 1);
    const days = Math.round((Date.UTC(year, month - HISTORY_MONTHS + k + 1, 1) - first) / DAY_MS);
    // 1.5% more per month: about 20% a year.
    const growth = 1 + 0.015 * k;
    for (let i = 0; i < ORDERS_PER_MONTH; i += 1) {
      const at = first + Math.floor(((i + rnd()) * days) / ORDERS_PER_MONTH) * DAY_MS;
      const total = Math.round(cents(340, 760) * growth);
      const roll = rnd();
      const hour = String(8 + Math.floor(rnd() * 10)).padStart(2, '0');
      if (at >= todayMs) continue; // the current month up to yesterday
      const recent = at >= todayMs - 2 * DAY_MS;
      const status: DemoOrder['status'] = recent
        ? 'pending'
        : roll < 0.01
          ? 'refunded'
          : roll < 0.05
            ? 'partially_refunded'
            : 'paid';
      const refunded =
        status === 'refunded' ? total : status === 'partially_refunded' ? Math.round(total * 0.3) : 0;
      orders.push({
        name: `#${1001 + orders.length}`,
        createdAt: `${isoDay(at)} ${hour}:15:00 -0500`,
        status,
        total,
        refunded,
        item: ITEMS[orders.length % ITEMS.length] ?? 'Item',
      });
    }
  }

  // Weekly payouts of the week's paid orders, from the first week with sales.
  const payouts: DemoPayout[] = [];
  const firstOrder = Date.parse(`${orders[0]?.createdAt.slice(0, 10) ?? isoDay(todayMs)}T00:00:00Z`);
  for (let at = firstOrder + 7 * DAY_MS; at < todayMs; at += 7 * DAY_MS) {
    const week = orders.filter((o) => {
      const day = Date.parse(`${o.createdAt.slice(0, 10)}T00:00:00Z`);
      return o.status !== 'pending' && day >= at - 7 * DAY_MS && day < at;
    });
    if (week.length === 0) continue;
    const charges = week.reduce((n, o) => n + o.total, 0);
    const refunds = -week.reduce((n, o) => n + o.refunded, 0);
    const fees = -Math.round(charges * 0.029 + 30 * week.length);
    payouts.push({
      date: isoDay(at),
      status: at + 7 * DAY_MS >= todayMs ? 'in_transit' : 'paid',
      charges,
      refunds,
      fees,
      total: charges + refunds + fees,
    });
  }
  orders.reverse(); // newest first, as dashboards list them
  payouts.reverse();

  // Three fortnightly Amazon settlements, the latest ending a few days ago.
  const statements: DemoStatement[] = [];
  for (let s = 0; s < 3; s += 1) {
    const start = todayMs - (3 - s) * 14 * DAY_MS - 4 * DAY_MS;
    const list: DemoStatementOrder[] = [];
    for (let k = 0; k < 5; k += 1) {
      const principal = cents(15, 90);
      list.push({
        orderId: `113-${String(4402817 + s * 100 + k).padStart(7, '0')}-${String(5530211 + k * 37).padStart(7, '0')}`,
        postedDate: isoDay(start + (1 + k * 2) * DAY_MS),
        principal,
        shipping: k % 2 === 0 ? 499 : 0,
        commission: -Math.round(principal * 0.15),
      });
    }
    statements.push({
      id: String(14820763011 + s * 1000),
      start: isoDay(start),
      end: isoDay(start + 14 * DAY_MS),
      deposit: isoDay(start + 16 * DAY_MS),
      orders: list,
      total: list.reduce((n, o) => n + o.principal + o.shipping + o.commission, 0),
    });
  }
  return { orders, payouts, statements };
}

export type Dashboard = ReturnType<typeof generateDashboard>;

/** What the orders and payouts lists add up to (platform `shopify`, USD). */
export function listTotals(data: Dashboard): Totals {
  const paid = data.orders.filter((o) => o.status !== 'pending');
  return {
    orders: paid.length,
    grossSales: paid.reduce((n, o) => n + o.total, 0),
    refunds: paid.reduce((n, o) => n + o.refunded, 0),
    fees: 0, // the payouts list's fees are in the transactions, which the demo does not list
    payouts: data.payouts.filter((p) => p.status === 'paid').reduce((n, p) => n + p.total, 0),
  };
}

/** What the given statements add up to (platform `amazon`, USD). */
export function statementTotals(data: Dashboard, ids: readonly string[]): Totals {
  const picked = data.statements.filter((s) => ids.includes(s.id));
  const orders = picked.flatMap((s) => s.orders);
  return {
    orders: orders.length,
    grossSales: orders.reduce((n, o) => n + o.principal + o.shipping, 0),
    refunds: 0,
    fees: orders.reduce((n, o) => n - o.commission, 0),
    payouts: picked.reduce((n, s) => n + Math.max(s.total, 0), 0),
  };
}

/** Everything the dashboard generated, per platform; statements also one by one. */
export function dashboardTotals(data: Dashboard = generateDashboard()) {
  return {
    currency: 'USD',
    shopify: listTotals(data),
    statements: Object.fromEntries(data.statements.map((s) => [s.id, statementTotals(data, [s.id])])),
    amazon: statementTotals(
      data,
      data.statements.map((s) => s.id),
    ),
  };
}

const money = (minor: number) => (minor / 100).toFixed(2);

/** A statement as Seller Central's "Download Flat File V2" serves it (tab-separated). */
export function statementFile(statement: DemoStatement): string {
  const header: readonly string[] = SETTLEMENT_V2_COLUMNS;
  const blank = (n: number) => Array.from({ length: n }, () => '');
  const lines = [
    header,
    [
      statement.id,
      `${statement.start} 00:00:00 UTC`,
      `${statement.end} 00:00:00 UTC`,
      `${statement.deposit} 00:00:00 UTC`,
      money(statement.total),
      'USD',
      ...blank(18),
    ],
  ];
  statement.orders.forEach((o, k) => {
    const row = (type: string, description: string, amount: number) => [
      statement.id,
      '',
      '',
      '',
      '',
      'USD',
      'Order',
      o.orderId,
      '',
      '',
      `Sh${k}`,
      'Amazon.com',
      type,
      description,
      money(amount),
      'AFN',
      o.postedDate,
      `${o.postedDate} 09:00:00 UTC`,
      `6104882201${k}`,
      '',
      '',
      `SKU-${k}`,
      '1',
      '',
    ];
    lines.push(row('ItemPrice', 'Principal', o.principal));
    if (o.shipping) lines.push(row('ItemPrice', 'Shipping', o.shipping));
    lines.push(row('ItemFees', 'Commission', o.commission));
  });
  return `${lines.map((l) => l.join('\t')).join('\n')}\n`;
}
