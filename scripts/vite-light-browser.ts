import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const LIGHT = fileURLToPath(new URL('./light-browser.ts', import.meta.url));
const LIGHT_CONTEXT = fileURLToPath(new URL('./light-content-script-context.ts', import.meta.url));

/**
 * Content scripts' builds get a `wxt/browser` without webextension-polyfill: the native namespace
 * (`browser` in Firefox, `chrome` in Chromium), as WXT gives without the polyfill module. WXT's
 * own content-script wrapper imports it only for `runtime.id`; the launchers use the native API
 * through lib/messaging/native-runtime.ts. Extension pages and the background keep the
 * polyfill. The polyfill was 10 kB of every 16 kB launcher, run on every page of a marketplace.
 * They also get a ContentScriptContext without start-up work (light-content-script-context.ts):
 * the launchers take no context.
 */
export function lightContentScriptBrowser(): Plugin {
  let contentScript = false;
  return {
    name: 'tradeline-light-content-script-browser',
    enforce: 'pre',
    configResolved(config) {
      const entry = config.build.lib ? config.build.lib.entry : undefined;
      contentScript = typeof entry === 'string' && /\.content\.tsx?$/.test(entry);
    },
    resolveId(id) {
      if (!contentScript) return null;
      if (id === 'wxt/utils/content-script-context') return LIGHT_CONTEXT;
      return id === 'wxt/browser' || id === '@wxt-dev/webextension-polyfill/browser' ? LIGHT : null;
    },
  };
}
