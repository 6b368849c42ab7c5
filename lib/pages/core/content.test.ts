import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoAdapter } from '../demo/reader.ts';
import { startContentScript } from './content.ts';
import type { SessionDeps } from './session.ts';

const deps: SessionDeps = {
  fetchText: async () => '',
  fetchBytes: async () => new Uint8Array(),
  parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
  sleep: async () => {},
  store: async (read) => ({ added: read.entries.length, duplicates: 0 }),
};

/** A window whose address is `href` (happy-dom's own cannot be moved between origins here). */
function at(href: string): Window {
  return { document, location: { href }, setTimeout: window.setTimeout.bind(window) } as unknown as Window;
}

const runtime = { sendMessage: async () => undefined, onMessage: () => {} };

describe('startContentScript', () => {
  afterEach(() => {
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  it('says plainly that a page is not recognised and saves a scrubbed sample of it as a file', () => {
    document.body.innerHTML = '<main><h1>Messages</h1><p>Hello from Jane Doe, jane@example.com</p></main>';
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:sample';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const { panel } = startContentScript(
      demoAdapter,
      runtime,
      at('http://127.0.0.1:8787/dashboard/messages?x=1'),
      deps,
    );
    expect(panel.root.textContent).toContain(
      'Tradeline does not recognise this demo dashboard page, so nothing was read. It reads: Orders, Payouts, Statements.',
    );
    const save = [...panel.root.querySelectorAll('button')].find(
      (b) => b.textContent === 'Save a scrubbed page sample',
    );
    save?.click();
    expect(clicked).toEqual(['demo-dashboard-messages.sample.html']);
    expect(created).toHaveLength(1);
    expect(panel.root.textContent).toContain('Saved demo-dashboard-messages.sample.html.');
  });

  it('offers no sample on a page it reads, and answers the popup through handle()', async () => {
    const fixture = readFileSync('lib/pages/demo/fixtures/orders.page1.html', 'utf8');
    document.body.innerHTML = new DOMParser().parseFromString(fixture, 'text/html').body.innerHTML;
    const golden = JSON.parse(
      readFileSync('lib/pages/demo/fixtures/orders.page1.html.expected.json', 'utf8'),
    );
    const reader = startContentScript(
      demoAdapter,
      runtime,
      at('http://127.0.0.1:8787/dashboard/orders'),
      deps,
    );
    expect(reader.panel.root.textContent).not.toContain('Save a scrubbed page sample');
    expect(reader.handle({ channel: 'tradeline/v1', type: 'getOverview' })).toBeUndefined();
    const outcome = (await reader.handle({ channel: 'tradeline/page', type: 'readPage' })) as {
      page: string;
      lines: { rows: number; records: number }[];
    };
    expect(outcome.page).toBe('Orders');
    expect(outcome.lines.map((l) => [l.rows, l.records])).toEqual([
      [golden.read.provenance.rows, golden.read.entries.length],
    ]);
  });
});
