import { defineConfig } from 'wxt';
import {
  extensionPagesCsp,
  optionalHosts,
  PERMISSION_REASONS,
  type Permission,
} from './lib/manifest-permissions.ts';
import { readerResources } from './lib/pages/registry.ts';
import { PREACT_FOR_REACT } from './scripts/preact-alias.ts';
import { dropEmptyChunks } from './scripts/vite-drop-empty-chunks.ts';
import { lightContentScriptBrowser } from './scripts/vite-light-browser.ts';
import { localeTables } from './scripts/vite-locales.ts';

/**
 * A release build (`npm run build:release`, WXT_RELEASE=1) refuses plain-HTTP loopback channels
 * and leaves out the sandbox's demo dashboard; every other build (tests, the demo) allows them.
 */
const RELEASE = process.env.WXT_RELEASE === '1';
const LOOPBACK_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

// Explicit imports everywhere (no auto-imports): every name's origin is visible in the file.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [localeTables(), lightContentScriptBrowser(), dropEmptyChunks()],
    // The pages run on Preact through its React compatibility layer (issue 10: React DOM was
    // most of their shared chunk and of its evaluation before the first paint).
    resolve: { alias: PREACT_FOR_REACT },
    // Every browser Tradeline supports has modulepreload: without Vite's polyfill, WXT's
    // HTML-plugin chunk is empty, and dropEmptyChunks spares each page fetching it (issue 10).
    build: { modulePreload: { polyfill: false } },
  }),
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    // locales/en.yml and zh_CN.yml (the @wxt-dev/i18n module writes them to _locales/).
    name: '__MSG_appName__',
    description: '__MSG_appDescription__',
    default_locale: 'en',
    // Each permission's reason is written in lib/manifest-permissions.ts (a test checks every one has one).
    permissions: Object.keys(PERMISSION_REASONS) as Permission[],
    // Channel hosts are asked for one origin at a time when the seller applies (never at install).
    ...(manifestVersion === 3
      ? { optional_host_permissions: optionalHosts(!RELEASE) }
      : { optional_permissions: optionalHosts(!RELEASE) }),
    content_security_policy:
      manifestVersion === 3
        ? { extension_pages: extensionPagesCsp(!RELEASE) }
        : (extensionPagesCsp(!RELEASE) as unknown as { extension_pages: string }),
    // Each marketplace's page reader, loaded by its content script with import() only when the seller
    // asks; reachable from that marketplace's hosts alone.
    web_accessible_resources: readerResources(),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tradeline@tradeline.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!RELEASE) return;
      // The demo dashboard's content script and reader match loopback only: a release has no use for them.
      const loopback = (matches: readonly string[] | undefined) =>
        matches?.some((m) => LOOPBACK_MATCHES.includes(m)) ?? false;
      manifest.content_scripts = manifest.content_scripts?.filter((script) => !loopback(script.matches));
      manifest.web_accessible_resources = (
        manifest.web_accessible_resources as { matches?: string[] }[] | undefined
      )?.filter((entry) => !loopback(entry.matches)) as typeof manifest.web_accessible_resources;
    },
  },
  zip: {
    excludeSources: ['demo-output/**', 'test-results/**', '**/*.log', '.output/**'],
  },
});
