import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../lib/pages/core/content.ts';
import { shopifyAdapter } from '../lib/pages/shopify/reader.ts';
import { SHOPIFY_MATCHES } from '../lib/pages/shopify/selectors.ts';

/** shopify: mounts the Tradeline panel; reads nothing until the seller asks. */
export default defineContentScript({
  matches: [...SHOPIFY_MATCHES],
  runAt: 'document_idle',
  main() {
    startContentScript(
      shopifyAdapter,
      {
        sendMessage: (message: unknown) => browser.runtime.sendMessage(message),
        onMessage: (listener) =>
          browser.runtime.onMessage.addListener((message: unknown) => listener(message)),
      },
      window,
    );
  },
});
