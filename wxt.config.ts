import { defineConfig } from 'wxt';
import { readerResources } from './lib/pages/registry.ts';
import { localeTables } from './scripts/vite-locales.ts';

// Explicit imports everywhere (no auto-imports): every name's origin is visible in the file.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [localeTables()] }),
  imports: false,
  manifest: ({ browser }) => ({
    // locales/en.yml and zh_CN.yml (the @wxt-dev/i18n module writes them to _locales/).
    name: '__MSG_appName__',
    description: '__MSG_appDescription__',
    default_locale: 'en',
    // unlimitedStorage: IndexedDB holds years of orders (millions of rows), never evicted or capped.
    // alarms: the outbox and status polling wake the worker. notifications: offers, info requests,
    // funding and declines reach the seller without opening the popup.
    permissions: ['unlimitedStorage', 'alarms', 'notifications'],
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
  zip: {
    excludeSources: ['demo-output/**', 'test-results/**', '**/*.log', '.output/**'],
  },
});
