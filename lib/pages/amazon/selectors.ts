import type { Selector } from '../core/selectors.ts';

/**
 * Selectors of Seller Central (every regional host). Modelled on the "All statements" and
 * "Date Range Reports" pages; the words of links and headers come first, classes last.
 */
export const SELECTORS = {
  statementsMarker: ['[data-test-id="all-statements"]', 'kat-table', 'table', 'main'],
  statementLinks: [
    'a[href*="flatfilev2" i]',
    'a[href*="_V2_" i][href*="settlement" i]',
    'a[href*="settlement" i][href*="download" i]',
  ],
  dateRangeMarker: ['[data-test-id="date-range-reports"]', 'kat-table', 'table', 'main'],
  dateRangeLinks: ['a[href*="download" i][href*="report" i]', 'a[download][href]'],
} as const satisfies Record<string, Selector>;

/** Seller Central's regional hosts. */
export const AMAZON_MATCHES = [
  'https://sellercentral.amazon.com/*',
  'https://sellercentral-europe.amazon.com/*',
  'https://sellercentral-japan.amazon.com/*',
  'https://sellercentral.amazon.ca/*',
  'https://sellercentral.amazon.com.mx/*',
  'https://sellercentral.amazon.com.br/*',
  'https://sellercentral.amazon.co.uk/*',
  'https://sellercentral.amazon.de/*',
  'https://sellercentral.amazon.fr/*',
  'https://sellercentral.amazon.it/*',
  'https://sellercentral.amazon.es/*',
  'https://sellercentral.amazon.nl/*',
  'https://sellercentral.amazon.se/*',
  'https://sellercentral.amazon.pl/*',
  'https://sellercentral.amazon.com.tr/*',
  'https://sellercentral.amazon.co.jp/*',
  'https://sellercentral.amazon.in/*',
  'https://sellercentral.amazon.com.au/*',
  'https://sellercentral.amazon.sg/*',
  'https://sellercentral.amazon.ae/*',
  'https://sellercentral.amazon.sa/*',
  'https://sellercentral.amazon.eg/*',
] as const;

/** The family as the registry and the content script know it. */
export const AMAZON_SITE = { id: 'amazon', label: 'Seller Central', matches: AMAZON_MATCHES } as const;
