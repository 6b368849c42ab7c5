import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { AMAZON_SITE } from '../lib/pages/amazon/selectors.ts';
import { bootContentScript, contentRuntime } from '../lib/pages/core/boot.ts';

/**
 * Seller Central: a collapsed launcher only. The reader (`amazon-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...AMAZON_SITE.matches],
  runAt: 'document_idle',
  main() {
    bootContentScript({
      family: AMAZON_SITE.id,
      label: AMAZON_SITE.label,
      runtime: contentRuntime(browser.runtime),
      win: window,
      load: () => import(/* @vite-ignore */ browser.runtime.getURL('/amazon-reader.js')),
    });
  },
});
