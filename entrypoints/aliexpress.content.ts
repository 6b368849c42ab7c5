import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ALIEXPRESS_SITE } from '../lib/pages/aliexpress/selectors.ts';
import { bootContentScript, contentRuntime } from '../lib/pages/core/boot.ts';

/**
 * AliExpress Seller Center: a collapsed launcher only. The reader (`aliexpress-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...ALIEXPRESS_SITE.matches],
  runAt: 'document_idle',
  main() {
    bootContentScript({
      family: ALIEXPRESS_SITE.id,
      label: ALIEXPRESS_SITE.label,
      runtime: contentRuntime(browser.runtime),
      win: window,
      load: () => import(/* @vite-ignore */ browser.runtime.getURL('/aliexpress-reader.js')),
    });
  },
});
