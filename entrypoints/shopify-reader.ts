import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerReader } from '../lib/pages/core/boot.ts';
import { startContentScript } from '../lib/pages/core/content.ts';
import { shopifyAdapter } from '../lib/pages/shopify/reader.ts';

/** Shopify admin's page reader, loaded by `shopify.content.ts` on request (a web-accessible module). */
export default defineUnlistedScript(() =>
  registerReader(shopifyAdapter.id, (runtime, win) => startContentScript(shopifyAdapter, runtime, win)),
);
