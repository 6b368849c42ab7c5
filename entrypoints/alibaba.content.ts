import { defineContentScript } from 'wxt/utils/define-content-script';
import { ALIBABA_SITE } from '../lib/pages/alibaba/selectors.ts';
import { launch } from '../lib/pages/core/boot.ts';

/**
 * Alibaba.com My Alibaba: a collapsed launcher only. The reader (`alibaba-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...ALIBABA_SITE.matches],
  runAt: 'document_idle',
  // WXT's future default: no window.postMessage telling the page's own scripts Tradeline is here.
  noScriptStartedPostMessage: true,
  main() {
    launch(ALIBABA_SITE, '/alibaba-reader.js');
  },
});
