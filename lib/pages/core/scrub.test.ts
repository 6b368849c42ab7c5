import { describe, expect, it } from 'vitest';
import { sampleFileName, scrubPage, scrubText, scrubUrl } from './scrub.ts';

const shape = (text: string) => text.replace(/\d/g, '9');

const PAGE = `<!doctype html><html lang="en"><head><title>Orders · Jane's Vintage</title>
<style>body{color:red}</style><script>window.__STATE__={"email":"jane@example.com"}</script>
<meta name="author" content="Jane Doe"></head>
<body class="admin" onload="track()" style="margin:0" data-user="jane@example.com">
<!-- customer: Jane Doe -->
<h1>Orders</h1>
<form><label for="q">Search orders</label><input id="q" name="q" value="Jane Doe"><textarea name="note">Call Jane</textarea></form>
<table data-testid="orders"><thead><tr><th>Order</th><th>Date</th><th>Customer</th><th>Total</th><th>Status</th></tr></thead>
<tbody><tr><td><a href="/orders/1042?customer=jane%40example.com&amp;ref=mail">#1042</a></td><td>2026-03-05</td>
<td>Jane Doe<br>jane.doe@example.com<br>12 Rose Lane, Springfield<br>+1 415-555-0100</td>
<td data-value="1234.50">$1,234.50</td><td>Paid</td></tr>
<tr><td>#1043</td><td>Mar 6, 2026</td><td>王小明 北京市朝阳区</td><td>¥88.00</td><td>已付款</td></tr></tbody></table>
<svg><text>Jane Doe</text></svg><canvas></canvas><img src="https://cdn.example/jane.jpg" alt="Jane Doe">
<div data-tradeline-panel></div>
</body></html>`;

describe('scrubPage', () => {
  const doc = new DOMParser().parseFromString(PAGE, 'text/html');
  const html = scrubPage(doc, 'https://shop.example/admin/orders', () => 0.5);

  it('starts with the url line the fixtures use and leaves the page itself untouched', () => {
    expect(html.startsWith('<!-- url: https://shop.example/admin/orders -->\n<!doctype html>\n<html')).toBe(
      true,
    );
    expect(doc.body.textContent).toContain('Jane Doe');
  });

  it('drops scripts, styles, frames, images, comments, input values and non-structural attributes', () => {
    for (const gone of [
      '<script',
      '<style',
      '<iframe',
      '<img',
      '<meta',
      'onload',
      'style=',
      'data-user',
      '<!-- customer',
      'track()',
      'Call Jane',
      'value="Jane',
      'data-tradeline-panel',
    ]) {
      expect(html).not.toContain(gone);
    }
    expect(html).toContain('data-testid="orders"');
    expect(html).toContain('class="admin"');
  });

  it('keeps headers, labels, statuses, currencies and dates, and replaces names, emails, addresses and phones by the same shape', () => {
    const out = new DOMParser().parseFromString(html, 'text/html');
    expect([...out.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      'Order',
      'Date',
      'Customer',
      'Total',
      'Status',
    ]);
    expect(out.querySelector('label')?.textContent).toBe('Search orders');
    const cells = [...out.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells[1]).toBe('2026-03-05');
    expect(cells[2]).toBe('Xxxx Xxxxxxx.xxx@xxxxxxx.xxx55 Xxxx Xxxx, Xxxxxxxxxxx+5 555-555-5555');
    expect(shape(cells[3] ?? '')).toBe('$9,999.99');
    expect(cells[4]).toBe('Paid');
    expect(cells[6]).toBe('Mar 6, 2026');
    expect(cells[7]).toBe('某某某 某某某某某某');
    expect(cells[9]).toBe('已付款');
    expect(html).not.toMatch(/Jane|jane|Rose|Springfield|415-|0100|王小明|北京/);
    expect(out.querySelector('title')?.textContent).toBe("Orders · Xxxx'x Xxxxxxx");
    expect(out.querySelector('[data-value]')?.getAttribute('data-value')).toBe('5555.55');
  });

  it("keeps a link's origin and path words, with digits and query values replaced", () => {
    const out = new DOMParser().parseFromString(html, 'text/html');
    expect(out.querySelector('a')?.getAttribute('href')).toBe(
      'https://shop.example/orders/5555?customer=xxxx%40xxxxxxx.xxx&ref=xxxx',
    );
  });
});

describe('scrubText', () => {
  it('keeps the shape of amounts and ids with other digits', () => {
    const digits = [0.1, 0.9, 0.3];
    let i = 0;
    const out = scrubText('Order 1042: $1,250.00', () => digits[i++ % 3] ?? 0);
    expect(out).not.toContain('1042');
    expect(shape(out)).toBe('Order 9999: $9,999.99');
  });
});

describe('scrubUrl', () => {
  it("replaces the store's own name in Shopify-style hosts and paths, keeping the page words", () => {
    expect(
      scrubUrl('https://admin.shopify.com/store/northwind/payments/payouts?after=abc', '', () => 0.5),
    ).toBe('https://admin.shopify.com/store/xxxxxxxxx/payments/payouts?after=xxx');
    expect(scrubUrl('https://northwind.myshopify.com/admin/orders/4412', '', () => 0.5)).toBe(
      'https://xxxx.myshopify.com/admin/orders/5555',
    );
    expect(scrubUrl('https://www.etsy.com/your/shops/me/payments', '', () => 0.5)).toBe(
      'https://www.etsy.com/your/shops/me/payments',
    );
    expect(scrubUrl('javascript:alert(1)', 'https://x.example/', () => 0.5)).toBe('#');
  });
});

describe('sampleFileName', () => {
  it('names the sample after the site and the path words, never ids or queries', () => {
    expect(sampleFileName('ebay', 'https://www.ebay.com/sh/ord/123?filter=x')).toBe(
      'ebay-sh-ord.sample.html',
    );
  });
});
