import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerReader } from '../lib/pages/core/boot.ts';
import { startContentScript } from '../lib/pages/core/content.ts';
import { etsyAdapter } from '../lib/pages/etsy/reader.ts';

/** Etsy Shop Manager's page reader, loaded by `etsy.content.ts` on request (a web-accessible module). */
export default defineUnlistedScript(() =>
  registerReader(etsyAdapter.id, (runtime, win) => startContentScript(etsyAdapter, runtime, win)),
);
