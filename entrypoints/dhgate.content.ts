import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { bootContentScript, contentRuntime } from '../lib/pages/core/boot.ts';
import { DHGATE_SITE } from '../lib/pages/dhgate/selectors.ts';

/**
 * DHgate Seller: a collapsed launcher only. The reader (`dhgate-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...DHGATE_SITE.matches],
  runAt: 'document_idle',
  main() {
    bootContentScript({
      family: DHGATE_SITE.id,
      label: DHGATE_SITE.label,
      runtime: contentRuntime(browser.runtime),
      win: window,
      load: () => import(/* @vite-ignore */ browser.runtime.getURL('/dhgate-reader.js')),
    });
  },
});
