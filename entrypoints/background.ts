import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { Change } from '../lib/applications/tracking.ts';
import { isLoopbackHost } from '../lib/channels/client.ts';
import { resolveLanguage } from '../lib/i18n/language.ts';
import { notifyTranslator } from '../lib/i18n/notify-text.ts';
import type { MessageKey } from '../lib/i18n/translator.ts';
import { createHandlers } from '../lib/messaging/handlers.ts';
import { createRouter } from '../lib/messaging/router.ts';
import { openTradelineDb, type TradelineDatabase } from '../lib/storage/db.ts';
import { recoverInterrupted } from '../lib/storage/interrupted.ts';
import { readSettings } from '../lib/storage/overview-repo.ts';

/** Sends what the outbox holds and polls applications; Chrome runs alarms at most every 30 s. */
const TICK_ALARM = 'tradeline-tick';
/**
 * Development and test builds talk to the sandbox lenders over plain HTTP on loopback (without
 * asking for the host: the sandbox answers CORS); a release build (WXT_RELEASE=1) never does.
 */
const ALLOW_LOOPBACK_HTTP = import.meta.env.WXT_RELEASE !== '1';
/** A catalog is a few kilobytes; anything near this is not one. */
const MAX_CATALOG_BYTES = 1_000_000;

/** The changes a seller hears about, with their text (the lender's name is `$1`). */
const NOTICE: Partial<Record<Change['to'], MessageKey>> = {
  info_requested: 'notify.infoRequested',
  offer: 'notify.offer',
  counter_offer: 'notify.counterOffer',
  funded: 'notify.funded',
  declined: 'notify.declined',
  expired: 'notify.expired',
};

export default defineBackground(() => {
  let db: Promise<TradelineDatabase> | undefined;
  const openDb = () => {
    db ??= openTradelineDb();
    return db;
  };
  const notify = (change: Change) => {
    const what = NOTICE[change.to];
    if (!change.needsSeller || !what) return;
    void (async () => {
      // In the seller's language: their setting, or the browser's.
      const settings = await readSettings(await openDb()).catch(() => undefined);
      const { t } = notifyTranslator(resolveLanguage(settings?.language, browser.i18n.getUILanguage()));
      await browser.notifications.create(`tradeline:${change.app.id}:${change.to}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: t(what, [change.app.channelName]),
        message: t('notify.open'),
      });
    })();
  };
  const handlers = createHandlers({
    db: openDb,
    version: browser.runtime.getManifest().version,
    onChange: notify,
    allowLoopbackHttp: ALLOW_LOOPBACK_HTTP,
    // The popup asks for the channel's origin when the seller applies; without it nothing is sent.
    hostPermitted: async (origin) =>
      (ALLOW_LOOPBACK_HTTP && isLoopbackHost(new URL(origin).hostname)) ||
      browser.permissions.contains({ origins: [`${origin}/*`] }),
    uiLanguage: () => browser.i18n.getUILanguage(),
    // Shared with the options page's import worker (same origin): a held lock is a running import.
    ...(navigator.locks ? { locks: navigator.locks } : {}),
    openPopup: async () => {
      // action.openPopup needs Chrome 127+ (Firefox 127+) and a focused window; else the options page.
      try {
        await browser.action.openPopup();
        return 'popup';
      } catch {
        await browser.runtime.openOptionsPage();
        return 'options';
      }
    },
    fetchText: async (url) => {
      const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(15_000) });
      if (!res.ok) throw new Error(`${url} answered ${res.status}.`);
      const declared = Number(res.headers.get('content-length') ?? 0);
      if (declared > MAX_CATALOG_BYTES) throw new Error(`${url} is larger than a catalog can be (1 MB).`);
      const text = await res.text();
      if (text.length > MAX_CATALOG_BYTES) throw new Error(`${url} is larger than a catalog can be (1 MB).`);
      return text;
    },
  });
  const route = createRouter(
    handlers,
    { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
    (reason, detail, sender) =>
      console.warn(`Tradeline rejected a message (${reason}): ${detail}`, sender.id, sender.url),
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  // Other extensions can address us by id: answer every such message with a refusal.
  browser.runtime.onMessageExternal.addListener((message, sender) => route(message, sender));

  // A file whose import was cut off (page closed, browser killed) is undone as soon as Tradeline starts.
  void openDb()
    .then((database) => recoverInterrupted(database, navigator.locks, new Date()))
    .catch((error: unknown) => console.warn('Tradeline: could not undo an interrupted import', error));

  // The outbox and status polling survive the worker stopping: their state is in IndexedDB and
  // this alarm wakes a new worker to carry on.
  void browser.alarms.create(TICK_ALARM, { periodInMinutes: 0.5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TICK_ALARM) void handlers.tick({}, { sender: {}, senderKind: 'extension-page' });
  });
  browser.notifications.onClicked.addListener(() => void browser.action.openPopup?.());
});
