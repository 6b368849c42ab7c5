import { defineContentScript } from 'wxt/utils/define-content-script';
import { launch } from '../lib/pages/core/boot.ts';
import { EBAY_SITE } from '../lib/pages/ebay/selectors.ts';

/**
 * eBay Seller Hub: a collapsed launcher only. The reader (`ebay-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...EBAY_SITE.matches],
  runAt: 'document_idle',
  // WXT's future default: no window.postMessage telling the page's own scripts Tradeline is here.
  noScriptStartedPostMessage: true,
  main() {
    launch(EBAY_SITE, '/ebay-reader.js');
  },
});
