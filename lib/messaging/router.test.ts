import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fileProvenance, IMPORT_A, order } from '../../test/factories.ts';
import { openTradelineDb } from '../storage/db.ts';
import { createClient } from './client.ts';
import { createHandlers } from './handlers.ts';
import { createRouter } from './router.ts';
import type { MessageSender } from './sender.ts';

const SELF = { id: 'tradelineextensionid', origin: 'chrome-extension://tradelineextensionid/' };
const POPUP: MessageSender = { id: SELF.id, url: `${SELF.origin}popup.html` };
const CONTENT_SCRIPT: MessageSender = {
  id: SELF.id,
  url: 'https://sellercentral.amazon.com/payments/event/view',
  tab: { id: 7 },
  frameId: 0,
};
const OTHER_EXTENSION: MessageSender = {
  id: 'someotherextensionid',
  url: 'chrome-extension://someotherextensionid/background.js',
};
const WEB_PAGE: MessageSender = {
  url: 'https://evil.example/phish.html',
  origin: 'https://evil.example',
  tab: { id: 9 },
};

function setup() {
  const rejections: string[] = [];
  const route = createRouter(
    createHandlers({ db: () => openTradelineDb(), version: '1.2.3' }),
    SELF,
    (reason, detail) => rejections.push(`${reason}: ${detail}`),
  );
  // The fake browser delivers messages to this listener with whatever sender the test gives.
  type FakeSender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
  fakeBrowser.runtime.onMessage.addListener((message: unknown, sender: FakeSender) =>
    route(message, sender as MessageSender),
  );
  const sendAs = (sender: MessageSender) => (message: unknown) =>
    fakeBrowser.runtime.onMessage.trigger(message, sender as FakeSender).then((replies) => replies[0]);
  return { rejections, sendAs };
}

describe('background message router', () => {
  it('answers its own extension pages', async () => {
    const { sendAs } = setup();
    const client = createClient(sendAs(POPUP));
    expect(await client.send('ping', {})).toEqual({ version: '1.2.3' });
    const overview = await client.send('getOverview', {});
    expect(overview).toMatchObject({ records: 0, imports: 0, firstMonth: null });
  });

  it('lists the channel catalog for the options page as getOffers carries it, to pages only', async () => {
    const { sendAs } = setup();
    const channels = await createClient(sendAs(POPUP)).send('listChannels', {});
    expect(channels.length).toBeGreaterThan(0);
    expect(channels).toEqual((await createClient(sendAs(POPUP)).send('getOffers', {})).channels);
    await expect(createClient(sendAs(CONTENT_SCRIPT)).send('listChannels', {})).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('rejects a message from another extension', async () => {
    const { sendAs, rejections } = setup();
    const client = createClient(sendAs(OTHER_EXTENSION));
    await expect(client.send('getOverview', {})).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Tradeline only answers its own pages and content scripts.',
    });
    expect(rejections).toEqual(['forbidden: sender is not this extension']);
  });

  it('rejects a message from a web page', async () => {
    const { sendAs, rejections } = setup();
    const client = createClient(sendAs(WEB_PAGE));
    await expect(client.send('ping', {})).rejects.toMatchObject({ code: 'forbidden' });
    // Even a page that fakes our id in its sender cannot pass without being an extension page or a tab's content script.
    const forged = createClient(sendAs({ id: SELF.id, url: 'https://evil.example/' }));
    await expect(forged.send('ping', {})).rejects.toMatchObject({ code: 'forbidden' });
    expect(rejections).toEqual([
      'forbidden: sender is not this extension',
      'forbidden: sender is not this extension',
    ]);
  });

  it('lets content scripts send only the messages declared for them', async () => {
    const { sendAs } = setup();
    const client = createClient(sendAs(CONTENT_SCRIPT));
    expect(await client.send('ping', {})).toEqual({ version: '1.2.3' });
    await expect(client.send('getOverview', {})).rejects.toMatchObject({
      code: 'forbidden',
      message: 'A content-script may not send "getOverview".',
    });
  });

  it('rejects payloads that do not match the protocol and stores nothing', async () => {
    const { sendAs } = setup();
    const client = createClient(sendAs(POPUP));
    const bad = { ...order('1', '2026-01-01', 10_00), gross: { amount: 10.5, currency: 'USD' } };
    await expect(
      client.send('importEntries', {
        provenance: fileProvenance(IMPORT_A, 1),
        platform: 'shopify',
        entries: [bad as never],
      }),
    ).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('gross.amount') });
    expect((await client.send('getOverview', {})).records).toBe(0);
  });

  it('rejects unknown message types and foreign envelopes', async () => {
    const { sendAs } = setup();
    const send = sendAs(POPUP);
    expect(await send({ channel: 'tradeline/v1', type: 'deleteEverything', data: {} })).toEqual({
      ok: false,
      error: { code: 'unknown_type', message: 'Unknown message type "deleteEverything".' },
    });
    expect(await send({ hello: 'world' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('imports records sent by a page and reports them in the overview', async () => {
    const { sendAs } = setup();
    const client = createClient(sendAs(POPUP));
    const result = await client.send('importEntries', {
      provenance: fileProvenance(IMPORT_A, 2),
      platform: 'shopify',
      entries: [order('1', '2026-01-03', 10_00), order('2', '2026-02-03', 20_00)],
    });
    expect(result).toMatchObject({ added: 2, duplicates: 0, months: ['2026-01', '2026-02'] });
    const overview = await client.send('getOverview', {});
    expect(overview).toMatchObject({ orders: 2, imports: 1, firstMonth: '2026-01', lastMonth: '2026-02' });
  });

  it('gives a content script the panel summary in the chosen language, and only content scripts', async () => {
    const opened: string[] = [];
    const route = createRouter(
      createHandlers({
        db: () => openTradelineDb(),
        version: '1.2.3',
        uiLanguage: () => 'zh-CN',
        now: () => new Date('2026-11-20T10:00:00Z'),
        openPopup: async () => {
          opened.push('popup');
          return 'options';
        },
      }),
      SELF,
      () => {},
    );
    type FakeSender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
    fakeBrowser.runtime.onMessage.addListener((message: unknown, sender: FakeSender) =>
      route(message, sender as MessageSender),
    );
    const sendAs = (sender: MessageSender) => (message: unknown) =>
      fakeBrowser.runtime.onMessage.trigger(message, sender as FakeSender).then((replies) => replies[0]);
    const content = createClient(sendAs(CONTENT_SCRIPT));
    const popup = createClient(sendAs(POPUP));

    const empty = await content.send('getPanelSummary', {});
    expect(empty).toMatchObject({ language: 'zh_CN', hasHistory: false, eligible: 0, best: null });
    expect(empty.checked).toBeGreaterThan(0);
    await expect(popup.send('getPanelSummary', {})).rejects.toMatchObject({ code: 'forbidden' });

    // A year of steady sales: some channel prequalifies, the line names the largest amount.
    const entries = Array.from({ length: 12 }, (_, i) =>
      order(`o${i}`, `2025-${String(i + 1).padStart(2, '0')}-10`, 40_000_00),
    ).concat(
      Array.from({ length: 10 }, (_, i) =>
        order(`p${i}`, `2026-${String(i + 1).padStart(2, '0')}-10`, 40_000_00),
      ),
    );
    await popup.send('importEntries', {
      provenance: fileProvenance(IMPORT_A, entries.length),
      platform: 'shopify',
      entries,
    });
    await popup.send('saveSettings', { reportingCurrency: 'USD', language: 'en' });
    const summary = await content.send('getPanelSummary', {});
    const offers = (await popup.send('getOffers', {})).offers.filter((o) => o.eligible);
    expect(summary).toMatchObject({ language: 'en', hasHistory: true, eligible: offers.length });
    expect(summary.eligible).toBeGreaterThan(0);
    expect(summary.best?.amount).toBe(
      Math.max(...offers.filter((o) => o.currency === 'USD').map((o) => o.amount ?? 0)),
    );

    expect(await content.send('openPopup', {})).toEqual({ opened: 'options' });
    expect(opened).toEqual(['popup']);
    await expect(popup.send('openPopup', {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
