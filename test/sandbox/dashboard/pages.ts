import {
  type Dashboard,
  dashboardTotals,
  generateDashboard,
  ORDERS_PER_PAGE,
  PAYOUTS_PER_PAGE,
  statementFile,
} from './data.ts';

/** An answer of the demo dashboard: HTML, a report file or JSON, as text. */
export interface DashboardReply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
const money = (minor: number) => (minor / 100).toFixed(2);

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)} · Demo Seller Hub</title>
<style>body{font:14px system-ui;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}</style>
</head><body>
<header><strong>Demo Seller Hub</strong> <nav aria-label="Sections"><a href="/dashboard/orders">Orders</a> · <a href="/dashboard/payouts">Payouts</a> · <a href="/dashboard/statements">Statements</a></nav></header>
<main data-page="${esc(title.toLowerCase())}">
<h1>${esc(title)}</h1>
${body}
</main></body></html>`;
}

function pager(path: string, page: number, pages: number): string {
  const prev = page > 1 ? `<a rel="prev" href="${path}?page=${page - 1}">Previous</a>` : '';
  const next =
    page < pages ? `<a rel="next" class="pager-next" href="${path}?page=${page + 1}">Next</a>` : '';
  return `<nav aria-label="Pagination" class="pager">${prev} <span>Page ${page} of ${pages}</span> ${next}</nav>`;
}

function table(id: string, header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = header.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table id="${id}" data-testid="${id}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function slice<T>(
  items: readonly T[],
  page: number,
  size: number,
): { rows: T[]; pages: number; page: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const at = Math.min(Math.max(1, page), pages);
  return { rows: items.slice((at - 1) * size, at * size), pages, page: at };
}

export function ordersPage(data: Dashboard, page: number): string {
  const s = slice(data.orders, page, ORDERS_PER_PAGE);
  return layout(
    'Orders',
    table(
      'orders',
      [
        'Name',
        'Created at',
        'Customer',
        'Financial Status',
        'Lineitem name',
        'Total',
        'Refunded Amount',
        'Currency',
      ],
      s.rows.map((o) => [
        o.name,
        o.createdAt,
        'Test Buyer',
        o.status,
        o.item,
        money(o.total),
        money(o.refunded),
        'USD',
      ]),
    ) + pager('/dashboard/orders', s.page, s.pages),
  );
}

export function payoutsPage(data: Dashboard, page: number): string {
  const s = slice(data.payouts, page, PAYOUTS_PER_PAGE);
  return layout(
    'Payouts',
    table(
      'payouts',
      ['Payout Date', 'Status', 'Charges', 'Refunds', 'Fees', 'Total', 'Currency'],
      s.rows.map((p) => [
        p.date,
        p.status,
        money(p.charges),
        money(p.refunds),
        money(p.fees),
        money(p.total),
        'USD',
      ]),
    ) + pager('/dashboard/payouts', s.page, s.pages),
  );
}

export function statementsPage(data: Dashboard): string {
  const rows = data.statements
    .map(
      (s) =>
        `<tr><td>${s.start} – ${s.end}</td><td>${money(s.total)} USD</td><td><a class="report-download" download href="/dashboard/statements/${s.id}.txt?token=demo-session-${s.id}">Download Flat File V2 (${s.id})</a></td></tr>`,
    )
    .join('\n');
  return layout(
    'Statements',
    `<table id="statements"><thead><tr><th>Settlement period</th><th>Total</th><th>Report</th></tr></thead><tbody>\n${rows}\n</tbody></table>`,
  );
}

function html(body: string): DashboardReply {
  return { status: 200, body, headers: { 'content-type': 'text/html; charset=utf-8' } };
}

/** Answers `GET /dashboard/…` (`path` without the query). */
export function dashboardReply(path: string, query: URLSearchParams, data: Dashboard = DATA): DashboardReply {
  const page = Number.parseInt(query.get('page') ?? '1', 10) || 1;
  const rest = path.replace(/^\/dashboard\/?/, '').replace(/\/$/, '');
  if (rest === '' || rest === 'index.html') {
    return html(layout('Home', '<p>Welcome back. Pick a section above.</p>'));
  }
  if (rest === 'orders') return html(ordersPage(data, page));
  if (rest === 'payouts') return html(payoutsPage(data, page));
  if (rest === 'statements') return html(statementsPage(data));
  if (rest === 'totals.json') {
    return {
      status: 200,
      body: JSON.stringify(dashboardTotals(data)),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    };
  }
  const file = /^statements\/(\d+)\.txt$/.exec(rest);
  const statement = file && data.statements.find((s) => s.id === file[1]);
  if (statement) {
    return {
      status: 200,
      body: statementFile(statement),
      headers: {
        'content-type': 'text/tab-separated-values; charset=utf-8',
        'content-disposition': `attachment; filename="settlement-${statement.id}.txt"`,
      },
    };
  }
  return {
    status: 404,
    body: layout('Not found', '<p>No such page.</p>'),
    headers: { 'content-type': 'text/html; charset=utf-8' },
  };
}

const DATA = generateDashboard();
