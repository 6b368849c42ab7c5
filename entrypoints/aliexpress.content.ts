import { defineContentScript } from 'wxt/utils/define-content-script';
import { ALIEXPRESS_SITE } from '../lib/pages/aliexpress/selectors.ts';
import { launch } from '../lib/pages/core/boot.ts';

/**
 * AliExpress Seller Center: a collapsed launcher only. The reader (`aliexpress-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...ALIEXPRESS_SITE.matches],
  runAt: 'document_idle',
  // WXT's future default: no window.postMessage telling the page's own scripts Tradeline is here.
  noScriptStartedPostMessage: true,
  main() {
    launch(ALIEXPRESS_SITE, '/aliexpress-reader.js');
  },
});
