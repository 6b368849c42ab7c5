import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { bootContentScript, contentRuntime } from '../lib/pages/core/boot.ts';
import { STRIPE_SITE } from '../lib/pages/stripe/selectors.ts';

/**
 * Stripe Dashboard: a collapsed launcher only. The reader (`stripe-reader.js`: adapter, parsers, panel) is
 * loaded when the seller presses it or the popup asks; nothing is read before.
 */
export default defineContentScript({
  matches: [...STRIPE_SITE.matches],
  runAt: 'document_idle',
  main() {
    bootContentScript({
      family: STRIPE_SITE.id,
      label: STRIPE_SITE.label,
      runtime: contentRuntime(browser.runtime),
      win: window,
      load: () => import(/* @vite-ignore */ browser.runtime.getURL('/stripe-reader.js')),
    });
  },
});
