import { defineContentScript } from 'wxt/utils/define-content-script';
import { launch } from '../lib/pages/core/boot.ts';
import { WALMART_SITE } from '../lib/pages/walmart/selectors.ts';

/**
 * Walmart Seller Center: a collapsed launcher only. The reader (`walmart-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...WALMART_SITE.matches],
  runAt: 'document_idle',
  // WXT's future default: no window.postMessage telling the page's own scripts Tradeline is here.
  noScriptStartedPostMessage: true,
  main() {
    launch(WALMART_SITE, '/walmart-reader.js');
  },
});
