import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { alibabaAdapter } from '../lib/pages/alibaba/reader.ts';
import { registerReader } from '../lib/pages/core/boot.ts';
import { startContentScript } from '../lib/pages/core/content.ts';

/** Alibaba.com My Alibaba's page reader, loaded by `alibaba.content.ts` on request (a web-accessible module). */
export default defineUnlistedScript(() =>
  registerReader(alibabaAdapter.id, (runtime, win) => startContentScript(alibabaAdapter, runtime, win)),
);
