import { defineContentScript } from 'wxt/utils/define-content-script';
import { launch } from '../lib/pages/core/boot.ts';
import { ETSY_SITE } from '../lib/pages/etsy/selectors.ts';

/**
 * Etsy Shop Manager: a collapsed launcher only. The reader (`etsy-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...ETSY_SITE.matches],
  runAt: 'document_idle',
  // WXT's future default: no window.postMessage telling the page's own scripts Tradeline is here.
  noScriptStartedPostMessage: true,
  main() {
    launch(ETSY_SITE, '/etsy-reader.js');
  },
});
