import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sendEarly } from '../../lib/messaging/early-requests.ts';

/**
 * The options page's first requests (the list of imports, its first data, then the overview),
 * sent by a classic script without imports that the page's HTML runs first: it starts as soon as
 * this one small file has arrived, and the background answers while the page's modules load and
 * run (issue 10).
 */
export default defineUnlistedScript(() => sendEarly(['listImports', 'getOverview']));
