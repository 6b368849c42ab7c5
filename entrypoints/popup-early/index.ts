import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sendEarly } from '../../lib/messaging/early-requests.ts';

/**
 * The popup's first requests (the overview and the stored profile), sent by a classic script
 * without imports that the popup's HTML runs first: it starts as soon as this one small file has
 * arrived, and the background answers while the page's modules load and run (issue 10).
 */
export default defineUnlistedScript(() => sendEarly(['getOverview', 'getProfile']));
