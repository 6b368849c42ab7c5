import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerReader } from '../lib/pages/core/boot.ts';
import { startContentScript } from '../lib/pages/core/content.ts';
import { dhgateAdapter } from '../lib/pages/dhgate/reader.ts';

/** DHgate Seller's page reader, loaded by `dhgate.content.ts` on request (a web-accessible module). */
export default defineUnlistedScript(() =>
  registerReader(dhgateAdapter.id, (runtime, win) => startContentScript(dhgateAdapter, runtime, win)),
);
