import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerReader } from '../lib/pages/core/boot.ts';
import { startContentScript } from '../lib/pages/core/content.ts';
import { ebayAdapter } from '../lib/pages/ebay/reader.ts';

/** eBay Seller Hub's page reader, loaded by `ebay.content.ts` on request (a web-accessible module). */
export default defineUnlistedScript(() =>
  registerReader(ebayAdapter.id, (runtime, win) => startContentScript(ebayAdapter, runtime, win)),
);
