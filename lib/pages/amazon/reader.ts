import { amazonDateRange } from '../../sources/amazon/date-range.ts';
import { amazonSettlementV1 } from '../../sources/amazon/settlement-v1.ts';
import { amazonSettlementV2 } from '../../sources/amazon/settlement-v2.ts';
import type { SiteAdapter } from '../core/types.ts';
import { AMAZON_SITE, SELECTORS } from './selectors.ts';

/** Seller Central: statements and date range reports are downloaded and read as files. */
export const amazonAdapter: SiteAdapter = {
  id: AMAZON_SITE.id,
  label: AMAZON_SITE.label,
  matches: AMAZON_SITE.matches,
  pages: [
    {
      id: 'statements',
      label: 'All statements',
      path: /^\/payments\/allstatements\b/i,
      marker: SELECTORS.statementsMarker,
      reports: { links: SELECTORS.statementLinks, formats: [amazonSettlementV2, amazonSettlementV1] },
    },
    {
      id: 'date-range-reports',
      label: 'Date Range Reports',
      path: /^\/payments\/reports\/custom\b/i,
      marker: SELECTORS.dateRangeMarker,
      reports: { links: SELECTORS.dateRangeLinks, formats: [amazonDateRange] },
    },
  ],
};
