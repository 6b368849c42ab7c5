import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerReader } from '../lib/pages/core/boot.ts';
import { startContentScript } from '../lib/pages/core/content.ts';
import { walmartAdapter } from '../lib/pages/walmart/reader.ts';

/** Walmart Seller Center's page reader, loaded by `walmart.content.ts` on request (a web-accessible module). */
export default defineUnlistedScript(() =>
  registerReader(walmartAdapter.id, (runtime, win) => startContentScript(walmartAdapter, runtime, win)),
);
