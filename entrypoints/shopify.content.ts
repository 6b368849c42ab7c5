import { defineContentScript } from 'wxt/utils/define-content-script';
import { launch } from '../lib/pages/core/boot.ts';
import { SHOPIFY_SITE } from '../lib/pages/shopify/selectors.ts';

/**
 * Shopify admin: a collapsed launcher only. The reader (`shopify-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...SHOPIFY_SITE.matches],
  runAt: 'document_idle',
  // WXT's future default: no window.postMessage telling the page's own scripts Tradeline is here.
  noScriptStartedPostMessage: true,
  main() {
    launch(SHOPIFY_SITE, '/shopify-reader.js');
  },
});
