import { defineContentScript } from 'wxt/utils/define-content-script';
import { launch } from '../lib/pages/core/boot.ts';
import { DEMO_SITE } from '../lib/pages/demo/selectors.ts';

/**
 * demo dashboard: a collapsed launcher only. The reader (`demo-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...DEMO_SITE.matches],
  runAt: 'document_idle',
  // WXT's future default: no window.postMessage telling the page's own scripts Tradeline is here.
  noScriptStartedPostMessage: true,
  main() {
    launch(DEMO_SITE, '/demo-reader.js');
  },
});
