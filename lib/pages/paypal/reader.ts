import { paypalActivity } from '../../sources/paypal/activity.ts';
import type { SiteAdapter } from '../core/types.ts';
import { PAYPAL_SITE, SELECTORS } from './selectors.ts';

/** PayPal: activity downloads the seller already generated are listed on the reports page. */
export const paypalAdapter: SiteAdapter = {
  id: PAYPAL_SITE.id,
  label: PAYPAL_SITE.label,
  matches: PAYPAL_SITE.matches,
  pages: [
    {
      id: 'activity-downloads',
      label: 'Activity download',
      path: /^\/reports\/dlog\b/i,
      marker: SELECTORS.reportsMarker,
      reports: { links: SELECTORS.reportLinks, formats: [paypalActivity] },
    },
  ],
};
