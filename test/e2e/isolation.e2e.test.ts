import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askTabs, type Launched, launchWithExtension, openPanel } from './browser.ts';

/**
 * A hostile dashboard page: it overrides DOM APIs and prototypes before Tradeline's content
 * script runs, records every node added to its document, plants a lookalike panel, puts script
 * injection text in the table Tradeline reads, and sends forged events and messages. None of it
 * reaches the seller's data, the panel or the background.
 */

const HOSTILE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Orders · Demo Seller Hub</title>
<script>
  window.__pwned = false;
  window.__calls = [];
  window.__added = [];
  window.__events = [];
  // Everything a page can hook before an extension's script runs.
  const realAttach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    window.__calls.push('attachShadow:' + init.mode);
    return realAttach.call(this, Object.assign({}, init, { mode: 'open' }));
  };
  const realCreate = Document.prototype.createElement;
  Document.prototype.createElement = function (tag, o) {
    window.__calls.push('createElement:' + tag);
    return realCreate.call(this, tag, o);
  };
  const realListen = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, o) {
    window.__calls.push('addEventListener:' + type);
    return realListen.call(this, type, fn, o);
  };
  const realText = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent');
  Object.defineProperty(Node.prototype, 'textContent', {
    get() { return realText.get.call(this); },
    set(v) { window.__calls.push('textContent:' + String(v).slice(0, 40)); realText.set.call(this, v); },
  });
  const realFetch = window.fetch;
  window.fetch = function (...args) { window.__calls.push('fetch:' + String(args[0])); return realFetch.apply(this, args); };
  JSON.stringify = ((real) => function (...a) { window.__calls.push('JSON.stringify'); return real.apply(this, a); })(JSON.stringify);
  window.addEventListener('message', (e) => window.__events.push(JSON.stringify(e.data)));
  // From the moment the page is parsed (Tradeline's script runs later, at document idle).
  document.addEventListener('DOMContentLoaded', () => {
    window.__calls.length = 0; // the page's own setup
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) window.__added.push(n.outerHTML ?? n.textContent);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
</script></head>
<body>
<div data-tradeline-panel data-planted><section aria-label="Tradeline"><h2>Tradeline · demo dashboard</h2>
<p>Session expired: enter your Seller Central password to continue.</p><input id="phish" type="password">
<button id="fake-read">Read this page</button></section></div>
<main data-page="orders"><h1>Orders</h1>
<table id="orders" data-testid="orders"><thead><tr><th>Name</th><th>Created at</th><th>Customer</th><th>Financial Status</th><th>Lineitem name</th><th>Total</th><th>Refunded Amount</th><th>Currency</th></tr></thead>
<tbody>
<tr><td>#1001</td><td>2026-10-01 09:15:00 -0500</td><td>&lt;img src=x onerror="window.__pwned=true"&gt;</td><td>paid</td><td>&lt;script&gt;window.__pwned=true&lt;/script&gt;</td><td>45.00</td><td>0.00</td><td>USD</td></tr>
<tr><td>&lt;img src=x onerror=window.__pwned=true&gt;</td><td>2026-10-02 09:15:00 -0500</td><td>Test Buyer</td><td>paid</td><td>Mug</td><td>12.50</td><td>0.00</td><td>USD</td></tr>
<tr><td>#1003</td><td>2026-10-03 09:15:00 -0500</td><td>=HYPERLINK("http://evil.example","x")</td><td>paid</td><td>javascript:alert(1)</td><td>7.25</td><td>0.00</td><td>USD</td></tr>
</tbody></table>
</main></body></html>`;

describe('a hostile dashboard page', () => {
  let browser: Launched;
  let server: Server;
  let origin: string;
  let page: Page;

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.writeHead(req.url?.startsWith('/dashboard/orders') ? 200 : 404, {
        'content-type': 'text/html; charset=utf-8',
      });
      res.end(HOSTILE);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    origin = `http://127.0.0.1:${address.port}`;
    browser = await launchWithExtension();
    page = await browser.context.newPage();
    await page.goto(`${origin}/dashboard/orders`);
    // The real panel is the second host: the page planted the first one.
    await page.waitForFunction(() => document.querySelectorAll('[data-tradeline-panel]').length === 2);
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  const background = async <T>(type: string): Promise<T> => {
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const reply = (await ext.evaluate(
      (t) => chrome.runtime.sendMessage({ channel: 'tradeline/v1', type: t, data: {} }),
      type,
    )) as { ok: boolean; data: T };
    await ext.close();
    expect(reply.ok).toBe(true);
    return reply.data;
  };

  it('cannot open the panel: its shadow root is closed, whatever the page overrode', async () => {
    const seen = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('[data-tradeline-panel]')];
      const real = hosts.filter((h) => !h.hasAttribute('data-planted')) as HTMLElement[];
      return {
        hosts: hosts.length,
        real: real.map((h) => ({
          shadowRoot: h.shadowRoot === null,
          lightChildren: h.childNodes.length,
          text: h.textContent,
          html: h.innerHTML,
        })),
        // The content script's own DOM calls run in its isolated world: none reached the page's
        // hooks (the page's and the test driver's own listeners aside).
        calls: (window as unknown as { __calls: string[] }).__calls.filter((c) =>
          /^(attachShadow|createElement|textContent|fetch):/.test(c),
        ),
        added: (window as unknown as { __added: string[] }).__added,
      };
    });
    // The planted lookalike and Tradeline's launcher (the panel opens when asked).
    expect(seen.hosts).toBe(2);
    expect(seen.real).toEqual([{ shadowRoot: true, lightChildren: 0, text: '', html: '' }]);
    expect(seen.calls).toEqual([]);
    // The only nodes Tradeline added to the page's document are empty hosts of closed shadow roots.
    expect(seen.added).toEqual(['<div data-tradeline-panel="launcher"></div>']);
  });

  it('forged clicks, events and messages read nothing and store nothing', async () => {
    await page.evaluate(async () => {
      const real = document.querySelector('[data-tradeline-panel="launcher"]') as HTMLElement;
      real.click();
      real.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      real.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      (document.getElementById('fake-read') as HTMLButtonElement).click();
      const rect = real.getBoundingClientRect();
      const under = document.elementFromPoint(rect.x + 20, rect.y + 40);
      under?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      for (const data of [
        { channel: 'tradeline/page', type: 'readPage', follow: true },
        { channel: 'tradeline/v1', type: 'deleteAll', data: { confirm: 'delete' } },
        { channel: 'tradeline/v1', type: 'getOverview', data: {} },
      ]) {
        window.postMessage(data, '*');
        document.dispatchEvent(new CustomEvent('tradeline', { detail: data }));
      }
      await new Promise((r) => setTimeout(r, 1500));
    });
    const overview = await background<{ imports: number; records: number }>('getOverview');
    expect(overview).toMatchObject({ imports: 0, records: 0 });
  });

  it('what the seller asks to read is stored as text: nothing in it runs, nothing of it is written into the page', async () => {
    await openPanel(page);
    const outcome = (await askTabs(browser, { channel: 'tradeline/page', type: 'readPage' })) as {
      page: string;
      lines: { rows: number; records: number; added: number; skipped: { message: string }[] }[];
    };
    expect(outcome.page).toBe('Orders');
    expect(outcome.lines).toHaveLength(1);
    expect(outcome.lines[0]?.rows).toBe(3);
    const stored = outcome.lines[0]?.added ?? 0;
    expect(stored).toBeGreaterThanOrEqual(2);

    const after = await page.evaluate(() => {
      const w = window as unknown as { __pwned: boolean; __calls: string[]; __added: string[] };
      const real = [...document.querySelectorAll('[data-tradeline-panel]')].filter(
        (h) => !h.hasAttribute('data-planted'),
      ) as HTMLElement[];
      return {
        pwned: w.__pwned,
        calls: w.__calls.filter((c) => /^(attachShadow|createElement|textContent|fetch):/.test(c)),
        added: w.__added,
        page: document.documentElement.outerHTML,
        hosts: real.map((h) => ({ open: h.shadowRoot !== null, html: h.innerHTML })),
      };
    });
    expect(after.pwned).toBe(false);
    expect(after.calls).toEqual([]);
    expect(after.added).toEqual([
      '<div data-tradeline-panel="launcher"></div>',
      '<div data-tradeline-panel=""></div>',
    ]);
    // The panel (the launcher gives way to it): closed and empty from the page's side.
    expect(after.hosts).toEqual([{ open: false, html: '' }]);
    // The panel's results ("Orders, page 1: 3 rows, …") are only inside the closed shadow root.
    expect(after.page).not.toMatch(/\d+ rows|records \(|already known/);

    const overview = await background<{ imports: number; orders: number }>('getOverview');
    expect(overview.imports).toBe(1);
    expect(overview.orders).toBe(stored);

    // The seller looks at what was stored: extension pages show the text, nothing runs there.
    for (const view of ['options.html', 'popup.html']) {
      const ext = await browser.context.newPage();
      const errors: string[] = [];
      ext.on('pageerror', (e) => errors.push(e.message));
      await ext.goto(`chrome-extension://${browser.extensionId}/${view}`);
      await ext.waitForLoadState('networkidle');
      expect(await ext.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
      expect(await ext.locator('img[src="x"], script:not([src])').count()).toBe(0);
      expect(errors).toEqual([]);
      await ext.close();
    }
  });
});
