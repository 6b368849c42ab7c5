import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '../lib/messaging/handlers.ts';
import { createRouter } from '../lib/messaging/router.ts';
import { openTradelineDb, type TradelineDatabase } from '../lib/storage/db.ts';

export default defineBackground(() => {
  let db: Promise<TradelineDatabase> | undefined;
  const openDb = () => {
    db ??= openTradelineDb();
    return db;
  };
  const route = createRouter(
    createHandlers(openDb, browser.runtime.getManifest().version),
    { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
    (reason, detail, sender) =>
      console.warn(`Tradeline rejected a message (${reason}): ${detail}`, sender.id, sender.url),
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  // Other extensions can address us by id: answer every such message with a refusal.
  browser.runtime.onMessageExternal.addListener((message, sender) => route(message, sender));
});
