import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { demoAdapter } from '../demo/reader.ts';
import { startContentScript } from './content.ts';
import { readCurrentPage, type SessionDeps } from './session.ts';
import type { ReadImport } from './types.ts';

const fixture = (name: string) => readFileSync(`lib/pages/demo/fixtures/${name}`, 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function deps(pages: Record<string, string>, stored: ReadImport[] = []): SessionDeps {
  return {
    fetchText: vi.fn(async (url: string) => {
      const html = pages[url];
      if (!html) throw new Error('404');
      return html;
    }),
    fetchBytes: vi.fn(
      async () => new Uint8Array(readFileSync('lib/pages/demo/fixtures/settlement-14820763011.txt')),
    ),
    parseHtml: parse,
    sleep: vi.fn(async () => {}),
    store: vi.fn(async (read: ReadImport) => {
      stored.push(read);
      return { added: read.entries.length, duplicates: 0 };
    }),
  };
}

const ORIGIN = 'http://127.0.0.1:8080';

describe('readCurrentPage', () => {
  it('reads only the open page unless asked to follow', async () => {
    const d = deps({});
    const out = await readCurrentPage(
      demoAdapter,
      parse(fixture('orders.page1.html')),
      `${ORIGIN}/dashboard/orders`,
      d,
    );
    expect(out.lines).toHaveLength(1);
    expect(d.fetchText).not.toHaveBeenCalled();
  });

  it('follows pagination with a pause between pages, one import per page', async () => {
    const stored: ReadImport[] = [];
    const d = deps({ [`${ORIGIN}/dashboard/orders?page=2`]: fixture('orders.page3.html') }, stored);
    const out = await readCurrentPage(
      demoAdapter,
      parse(fixture('orders.page1.html')),
      `${ORIGIN}/dashboard/orders`,
      d,
      {
        follow: true,
        pauseMs: 10,
      },
    );
    expect(out.lines.map((l) => l.source)).toEqual(['Orders, page 1', 'Orders, page 2']);
    expect(d.sleep).toHaveBeenCalledTimes(1);
    expect(vi.mocked(d.sleep).mock.calls[0]?.[0]).toBe(250); // never below the minimum pause
    for (const read of stored) {
      expect(read.entries.every((e) => e.importId === read.provenance.sha256)).toBe(true);
      expect(read.provenance.url).toBe(`${ORIGIN}/dashboard/orders`);
    }
  });

  it('stops between pages when the seller presses Stop', async () => {
    const controller = new AbortController();
    const d = deps({ [`${ORIGIN}/dashboard/orders?page=2`]: fixture('orders.page3.html') });
    d.sleep = async () => controller.abort();
    const out = await readCurrentPage(
      demoAdapter,
      parse(fixture('orders.page1.html')),
      `${ORIGIN}/dashboard/orders`,
      d,
      {
        follow: true,
        signal: controller.signal,
      },
    );
    expect(out.lines).toHaveLength(1);
    expect(out.stopped).toBe(true);
    expect(out.notices.at(-1)?.message).toMatch(/Stopped/);
  });

  it('downloads only the reports picked, and records their URL without the query', async () => {
    const stored: ReadImport[] = [];
    const d = deps({}, stored);
    const url = `${ORIGIN}/dashboard/statements`;
    const out = await readCurrentPage(demoAdapter, parse(fixture('statements.html')), url, d, {
      reports: [`${ORIGIN}/dashboard/statements/14820763011.txt?token=demo-session-14820763011`],
    });
    expect(d.fetchBytes).toHaveBeenCalledTimes(1);
    expect(out.lines).toHaveLength(1);
    expect(stored[0]?.provenance.url).toBe(`${ORIGIN}/dashboard/statements/14820763011.txt`);
    expect(stored[0]?.platform).toBe('amazon');
  });

  it('says plainly when the page is not recognised', async () => {
    const out = await readCurrentPage(
      demoAdapter,
      parse('<main><h1>Home</h1></main>'),
      `${ORIGIN}/dashboard/`,
      deps({}),
    );
    expect(out.page).toBeNull();
    expect(out.notices[0]?.message).toMatch(/does not recognise/);
  });
});

describe('the in-page panel', () => {
  it('reads nothing until the seller presses "Read this page", then shows what was read', async () => {
    const html = fixture('orders.page1.html');
    document.documentElement.innerHTML = parse(html).documentElement.innerHTML;
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      `${ORIGIN}/dashboard/orders`,
    );
    const stored: ReadImport[] = [];
    const d = deps({}, stored);
    const { panel } = startContentScript(
      demoAdapter,
      { sendMessage: vi.fn(), onMessage: vi.fn() },
      window,
      d,
    );
    expect(stored).toHaveLength(0);
    const button = [...panel.root.querySelectorAll('button')].find((b) => b.textContent === 'Read this page');
    button?.click();
    await vi.waitFor(() => expect(panel.root.textContent).toMatch(/20 rows, 26 records \(26 new/));
    expect(stored).toHaveLength(1);
    expect(document.querySelector('[data-tradeline-panel]')?.shadowRoot).toBeNull(); // closed
    panel.remove();
  });
});
