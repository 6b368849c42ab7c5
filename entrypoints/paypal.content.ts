import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../lib/pages/core/content.ts';
import { paypalAdapter } from '../lib/pages/paypal/reader.ts';
import { PAYPAL_MATCHES } from '../lib/pages/paypal/selectors.ts';

/** paypal: mounts the Tradeline panel; reads nothing until the seller asks. */
export default defineContentScript({
  matches: [...PAYPAL_MATCHES],
  runAt: 'document_idle',
  main() {
    startContentScript(
      paypalAdapter,
      {
        sendMessage: (message: unknown) => browser.runtime.sendMessage(message),
        onMessage: (listener) =>
          browser.runtime.onMessage.addListener((message: unknown) => listener(message)),
      },
      window,
    );
  },
});
