import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ALIBABA_SITE } from '../lib/pages/alibaba/selectors.ts';
import { bootContentScript, contentRuntime } from '../lib/pages/core/boot.ts';

/**
 * Alibaba.com My Alibaba: a collapsed launcher only. The reader (`alibaba-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...ALIBABA_SITE.matches],
  runAt: 'document_idle',
  main() {
    bootContentScript({
      family: ALIBABA_SITE.id,
      label: ALIBABA_SITE.label,
      runtime: contentRuntime(browser.runtime),
      win: window,
      load: () => import(/* @vite-ignore */ browser.runtime.getURL('/alibaba-reader.js')),
    });
  },
});
