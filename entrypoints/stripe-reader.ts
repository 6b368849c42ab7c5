import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerReader } from '../lib/pages/core/boot.ts';
import { startContentScript } from '../lib/pages/core/content.ts';
import { stripeAdapter } from '../lib/pages/stripe/reader.ts';

/** Stripe Dashboard's page reader, loaded by `stripe.content.ts` on request (a web-accessible module). */
export default defineUnlistedScript(() =>
  registerReader(stripeAdapter.id, (runtime, win) => startContentScript(stripeAdapter, runtime, win)),
);
