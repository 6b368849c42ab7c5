import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../lib/pages/core/content.ts';
import { demoAdapter } from '../lib/pages/demo/reader.ts';
import { DEMO_MATCHES } from '../lib/pages/demo/selectors.ts';

/**
 * The sandbox's demo seller dashboard (`npm run sandbox`, then /dashboard/). Development and
 * tests only: it matches loopback hosts alone, which no seller's dashboard is, and reads nothing
 * until asked. It ships in every build because the browser tests drive the production build.
 */
export default defineContentScript({
  matches: [...DEMO_MATCHES],
  runAt: 'document_idle',
  main() {
    startContentScript(
      demoAdapter,
      {
        sendMessage: (message: unknown) => browser.runtime.sendMessage(message),
        onMessage: (listener) =>
          browser.runtime.onMessage.addListener((message: unknown) => listener(message)),
      },
      window,
    );
  },
});
