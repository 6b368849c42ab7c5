import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { amazonAdapter } from '../lib/pages/amazon/reader.ts';
import { AMAZON_MATCHES } from '../lib/pages/amazon/selectors.ts';
import { startContentScript } from '../lib/pages/core/content.ts';

/** amazon: mounts the Tradeline panel; reads nothing until the seller asks. */
export default defineContentScript({
  matches: [...AMAZON_MATCHES],
  runAt: 'document_idle',
  main() {
    startContentScript(
      amazonAdapter,
      {
        sendMessage: (message: unknown) => browser.runtime.sendMessage(message),
        onMessage: (listener) =>
          browser.runtime.onMessage.addListener((message: unknown) => listener(message)),
      },
      window,
    );
  },
});
