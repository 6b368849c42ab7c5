import { defineContentScript } from 'wxt/utils/define-content-script';
import { launch } from '../lib/pages/core/boot.ts';
import { STRIPE_SITE } from '../lib/pages/stripe/selectors.ts';

/**
 * Stripe Dashboard: a collapsed launcher only. The reader (`stripe-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...STRIPE_SITE.matches],
  runAt: 'document_idle',
  // WXT's future default: no window.postMessage telling the page's own scripts Tradeline is here.
  noScriptStartedPostMessage: true,
  main() {
    launch(STRIPE_SITE, '/stripe-reader.js');
  },
});
