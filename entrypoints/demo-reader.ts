import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerReader } from '../lib/pages/core/boot.ts';
import { startContentScript } from '../lib/pages/core/content.ts';
import { demoAdapter } from '../lib/pages/demo/reader.ts';

/** demo dashboard's page reader, loaded by `demo.content.ts` on request (a web-accessible module). */
export default defineUnlistedScript(() =>
  registerReader(demoAdapter.id, (runtime, win) => startContentScript(demoAdapter, runtime, win)),
);
