import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const LIGHT = fileURLToPath(new URL('./light-browser.ts', import.meta.url));
/** WXT's entry module of an isolated-world content script, as its own plugin resolves it (wxt 0.20). */
const ISOLATED_ENTRY = '\0virtual:wxt-content-script-isolated-world-entrypoint?';
/** V8 (Chromium 136+) compiles every function of a script that starts with it eagerly; others ignore it. */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Content scripts' builds get a `wxt/browser` without webextension-polyfill: the native namespace
 * (`browser` in Firefox, `chrome` in Chromium), as WXT gives without the polyfill module. The
 * launchers use the native API through lib/messaging/native-runtime.ts; extension pages and the
 * background keep the polyfill. The polyfill was 10 kB of every 16 kB launcher, run on every page
 * of a marketplace.
 *
 * They also get a bare entry instead of WXT's: WXT's wraps `main` in an async function with a
 * logger and builds a ContentScriptContext (which dispatched an event to the page, listened for
 * newer copies of the script and made an AbortController on every page load). Compiling that
 * wrapper and the functions it calls was about a fifth of a launcher's script time at load.
 * Tradeline's launchers take no context: a content script's `main()` here gets none.
 *
 * And their first line is V8's compile hint `//# allFunctionsCalledOnLoad`: the launcher's few
 * functions are compiled with the script instead of each on its first call, which parsed each one
 * twice (lazy compiles were half of a launcher's script time at load; with the hint its compile
 * time fell by about 40%).
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
      return id === 'wxt/browser' || id === '@wxt-dev/webextension-polyfill/browser' ? LIGHT : null;
    },
    load(id) {
      if (!contentScript || !id.startsWith(ISOLATED_ENTRY)) return null;
      const input = id.slice(ISOLATED_ENTRY.length);
      // WXT modules' runtime plugins still start first, as in WXT's own entry.
      return [
        `import definition from ${JSON.stringify(input)};`,
        `import { initPlugins } from 'virtual:wxt-plugins';`,
        'initPlugins();',
        'export default definition.main();',
      ].join('\n');
    },
    generateBundle(_, bundle) {
      if (!contentScript) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry) chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
      }
    },
  };
}
