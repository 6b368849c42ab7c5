import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerReader } from '../lib/pages/core/boot.ts';
import { startContentScript } from '../lib/pages/core/content.ts';
import { paypalAdapter } from '../lib/pages/paypal/reader.ts';

/** PayPal's page reader, loaded by `paypal.content.ts` on request (a web-accessible module). */
export default defineUnlistedScript(() =>
  registerReader(paypalAdapter.id, (runtime, win) => startContentScript(paypalAdapter, runtime, win)),
);
