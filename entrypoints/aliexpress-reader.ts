import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { aliexpressAdapter } from '../lib/pages/aliexpress/reader.ts';
import { registerReader } from '../lib/pages/core/boot.ts';
import { startContentScript } from '../lib/pages/core/content.ts';

/** AliExpress Seller Center's page reader, loaded by `aliexpress.content.ts` on request (a web-accessible module). */
export default defineUnlistedScript(() =>
  registerReader(aliexpressAdapter.id, (runtime, win) => startContentScript(aliexpressAdapter, runtime, win)),
);
