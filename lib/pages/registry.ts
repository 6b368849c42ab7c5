import { AMAZON_MATCHES } from './amazon/selectors.ts';
import type { SiteAdapter } from './core/types.ts';
import { DEMO_MATCHES } from './demo/selectors.ts';
import { PAYPAL_MATCHES } from './paypal/selectors.ts';
import { SHOPIFY_MATCHES } from './shopify/selectors.ts';

/**
 * Every marketplace family a content script serves, with its hosts. Families with `pages: []`
 * are registered (hosts known) but read nothing yet: their panel says the page is not recognised.
 * Adapters with pages live in their own folder (`amazon/`, `shopify/`, `paypal/`, `demo/`) and
 * are imported by their content script only, so each bundle carries one site's code.
 */
export interface Family {
  id: string;
  label: string;
  matches: readonly string[];
  /** Whether `entrypoints/<id>.content.ts` exists (a meta-test checks it). */
  contentScript: boolean;
}

export const FAMILIES: readonly Family[] = [
  { id: 'amazon', label: 'Seller Central', matches: AMAZON_MATCHES, contentScript: true },
  { id: 'shopify', label: 'Shopify admin', matches: SHOPIFY_MATCHES, contentScript: true },
  { id: 'paypal', label: 'PayPal', matches: PAYPAL_MATCHES, contentScript: true },
  { id: 'demo', label: 'demo dashboard', matches: DEMO_MATCHES, contentScript: true },
  {
    id: 'ebay',
    label: 'eBay Seller Hub',
    matches: ['https://www.ebay.com/sh/*', 'https://www.ebay.co.uk/sh/*', 'https://www.ebay.de/sh/*'],
    contentScript: false,
  },
  {
    id: 'etsy',
    label: 'Etsy Shop Manager',
    matches: ['https://www.etsy.com/your/shops/*'],
    contentScript: false,
  },
  {
    id: 'walmart',
    label: 'Walmart Seller Center',
    matches: ['https://seller.walmart.com/*'],
    contentScript: false,
  },
  {
    id: 'stripe',
    label: 'Stripe Dashboard',
    matches: ['https://dashboard.stripe.com/*'],
    contentScript: false,
  },
  {
    id: 'aliexpress',
    label: 'AliExpress Seller Center',
    matches: ['https://gsp.aliexpress.com/*', 'https://csp.aliexpress.com/*'],
    contentScript: false,
  },
  {
    id: 'alibaba',
    label: 'Alibaba.com My Alibaba',
    matches: ['https://i.alibaba.com/*', 'https://onetouch.alibaba.com/*'],
    contentScript: false,
  },
  { id: 'dhgate', label: 'DHgate Seller', matches: ['https://seller.dhgate.com/*'], contentScript: false },
];

/**
 * `web_accessible_resources` for the readers: each family's `<id>-reader.js`, reachable from its
 * own hosts only. Chromium accepts only `/*` paths there, so each pattern keeps its origin.
 */
export function readerResources(): { resources: string[]; matches: string[] }[] {
  return FAMILIES.filter((f) => f.contentScript).map((family) => ({
    resources: [`${family.id}-reader.js`],
    matches: [...new Set(family.matches.map((m) => m.replace(/^([a-z]+:\/\/[^/]+)\/.*$/, '$1/*')))],
  }));
}

/** The adapters with pages, by family (for tests and the registry meta-test). */
export async function loadAdapter(id: string): Promise<SiteAdapter | undefined> {
  switch (id) {
    case 'amazon':
      return (await import('./amazon/reader.ts')).amazonAdapter;
    case 'shopify':
      return (await import('./shopify/reader.ts')).shopifyAdapter;
    case 'paypal':
      return (await import('./paypal/reader.ts')).paypalAdapter;
    case 'demo':
      return (await import('./demo/reader.ts')).demoAdapter;
    default:
      return undefined;
  }
}
