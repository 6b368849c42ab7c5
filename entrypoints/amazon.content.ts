import { defineContentScript } from 'wxt/utils/define-content-script';
import { AMAZON_SITE } from '../lib/pages/amazon/selectors.ts';
import { launch } from '../lib/pages/core/boot.ts';

/**
 * Seller Central: a collapsed launcher only. The reader (`amazon-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...AMAZON_SITE.matches],
  runAt: 'document_idle',
  // WXT's future default: no window.postMessage telling the page's own scripts Tradeline is here.
  noScriptStartedPostMessage: true,
  main() {
    launch(AMAZON_SITE, '/amazon-reader.js');
  },
});
