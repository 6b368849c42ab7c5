import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { amazonAdapter } from '../lib/pages/amazon/reader.ts';
import { registerReader } from '../lib/pages/core/boot.ts';
import { startContentScript } from '../lib/pages/core/content.ts';

/** Seller Central's page reader, loaded by `amazon.content.ts` on request (a web-accessible module). */
export default defineUnlistedScript(() =>
  registerReader(amazonAdapter.id, (runtime, win) => startContentScript(amazonAdapter, runtime, win)),
);
