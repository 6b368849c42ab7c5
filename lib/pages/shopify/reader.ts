import { shopifyPayouts } from '../../sources/shopify/payouts.ts';
import { queryFirst } from '../core/selectors.ts';
import type { SiteAdapter } from '../core/types.ts';
import { SELECTORS, SHOPIFY_SITE } from './selectors.ts';

/**
 * Shopify admin: the payouts list shows the payouts export's words ("Payout date", "Status",
 * "Charges", "Refunds", "Fees") with "Amount" for the total and the store currency stated once.
 */
export const shopifyAdapter: SiteAdapter = {
  id: SHOPIFY_SITE.id,
  label: SHOPIFY_SITE.label,
  matches: SHOPIFY_SITE.matches,
  pages: [
    {
      id: 'payouts',
      label: 'Payouts',
      path: /\/payments\/payouts\/?$/,
      marker: SELECTORS.payoutsMarker,
      tables: {
        table: SELECTORS.payoutsTable,
        formats: [shopifyPayouts],
        spellings: { total: ['Amount', 'Net'] },
        constants: (doc): Record<string, string> => {
          const el = queryFirst(doc, SELECTORS.currency);
          const code = el?.getAttribute('data-currency') ?? el?.getAttribute('content') ?? '';
          return code ? { Currency: code } : {};
        },
      },
      next: SELECTORS.next,
    },
  ],
};
