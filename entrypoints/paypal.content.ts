import { defineContentScript } from 'wxt/utils/define-content-script';
import { launch } from '../lib/pages/core/boot.ts';
import { PAYPAL_SITE } from '../lib/pages/paypal/selectors.ts';

/**
 * PayPal: a collapsed launcher only. The reader (`paypal-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...PAYPAL_SITE.matches],
  runAt: 'document_idle',
  // WXT's future default: no window.postMessage telling the page's own scripts Tradeline is here.
  noScriptStartedPostMessage: true,
  main() {
    launch(PAYPAL_SITE, '/paypal-reader.js');
  },
});
