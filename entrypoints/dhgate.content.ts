import { defineContentScript } from 'wxt/utils/define-content-script';
import { launch } from '../lib/pages/core/boot.ts';
import { DHGATE_SITE } from '../lib/pages/dhgate/selectors.ts';

/**
 * DHgate Seller: a collapsed launcher only. The reader (`dhgate-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...DHGATE_SITE.matches],
  runAt: 'document_idle',
  // WXT's future default: no window.postMessage telling the page's own scripts Tradeline is here.
  noScriptStartedPostMessage: true,
  main() {
    launch(DHGATE_SITE, '/dhgate-reader.js');
  },
});
