import type { Page } from 'playwright-core';

/**
 * What the interface tests and the screenshots share: a seller's history sent to the background
 * the way the options page sends an import, and access to the dashboard panel, whose closed
 * shadow root Playwright's selectors cannot enter (the accessibility tree, through CDP, can).
 */

const SHA = 'e'.repeat(64);

/** Months `count` back from (and excluding) the month of `today`, oldest first: `2025-05`… */
function monthsBefore(today: Date, count: number): string[] {
  const out: string[] = [];
  for (let i = count; i >= 1; i--) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

/**
 * Eighteen months of a steady Shopify shop (30 orders a month, rising slowly, 2% refunds, two
 * payouts) up to last month: enough for several demo lenders to prequalify.
 */
export function sellerHistory(today = new Date()) {
  const entries: Record<string, unknown>[] = [];
  const months = monthsBefore(today, 18);
  months.forEach((month, m) => {
    let sales = 0;
    for (let i = 0; i < 30; i++) {
      const cents = 90_000 + ((i * 7_919 + m * 1_301) % 60_000) + m * 1_500;
      sales += cents;
      const id = `#${month}-${i}`;
      entries.push({
        kind: 'order',
        key: `shopify:order:${id}`,
        platform: 'shopify',
        date: `${month}-${String(1 + (i % 28)).padStart(2, '0')}`,
        importId: SHA,
        orderId: id,
        gross: { amount: cents, currency: 'USD' },
        status: 'paid',
      });
    }
    entries.push({
      kind: 'refund',
      key: `shopify:refund:${month}`,
      platform: 'shopify',
      date: `${month}-20`,
      importId: SHA,
      amount: { amount: Math.round(sales * 0.02), currency: 'USD' },
    });
    for (const day of ['01', '15']) {
      entries.push({
        kind: 'payout',
        key: `shopify:payout:${month}-${day}`,
        platform: 'shopify',
        date: `${month}-${day}`,
        importId: SHA,
        payoutId: `${month}-${day}`,
        amount: { amount: Math.round(sales * 0.46), currency: 'USD' },
        status: 'paid',
      });
    }
  });
  return {
    provenance: {
      kind: 'file',
      name: 'orders_export.csv',
      size: 245_760,
      format: 'shopify-orders',
      sha256: SHA,
      rows: entries.length,
      readAt: today.toISOString(),
      periodStart: `${months[0]}-01`,
      periodEnd: `${months.at(-1)}-28`,
    },
    platform: 'shopify',
    entries,
  };
}

/** Sends a message to the background from an extension page, as the popup and options do. */
export async function send<T>(page: Page, type: string, data: unknown): Promise<T> {
  const reply = (await page.evaluate((message) => chrome.runtime.sendMessage(message), {
    channel: 'tradeline/v1',
    type,
    data,
  })) as { ok: boolean; data: T; error?: { message: string } };
  if (!reply.ok) throw new Error(`${type}: ${reply.error?.message}`);
  return reply.data;
}

export interface AxNode {
  role: string;
  name: string;
  backendNodeId: number | undefined;
  ignored: boolean;
}

/** The page's accessibility tree, closed shadow roots included. */
export async function accessibleNodes(page: Page): Promise<AxNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        ignored: boolean;
        role?: { value: string };
        name?: { value: string };
        backendDOMNodeId?: number;
      }[];
    };
    return nodes.map((n) => ({
      role: n.role?.value ?? '',
      name: n.name?.value ?? '',
      backendNodeId: n.backendDOMNodeId,
      ignored: n.ignored,
    }));
  } finally {
    await cdp.detach();
  }
}

/** Focuses the control with this role and name (inside the panel too) and presses Enter, as a keyboard user would. */
export async function pressControl(page: Page, role: string, name: string | RegExp): Promise<void> {
  const nodes = await accessibleNodes(page);
  const node = nodes.find(
    (n) => !n.ignored && n.role === role && (typeof name === 'string' ? n.name === name : name.test(n.name)),
  );
  if (!node?.backendNodeId) throw new Error(`No ${role} named ${name} on ${page.url()}`);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.focus', { backendNodeId: node.backendNodeId });
  } finally {
    await cdp.detach();
  }
  await page.keyboard.press('Enter');
}

/** Visible text nodes of the accessibility tree with this role (`StaticText`, `button`…). */
export async function accessibleNames(page: Page, role: string): Promise<string[]> {
  return (await accessibleNodes(page)).filter((n) => !n.ignored && n.role === role).map((n) => n.name);
}
