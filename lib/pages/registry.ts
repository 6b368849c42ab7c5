import { ALIBABA_SITE } from './alibaba/selectors.ts';
import { ALIEXPRESS_SITE } from './aliexpress/selectors.ts';
import { AMAZON_SITE } from './amazon/selectors.ts';
import type { SiteAdapter } from './core/types.ts';
import { DEMO_SITE } from './demo/selectors.ts';
import { DHGATE_SITE } from './dhgate/selectors.ts';
import { EBAY_SITE } from './ebay/selectors.ts';
import { ETSY_SITE } from './etsy/selectors.ts';
import { PAYPAL_SITE } from './paypal/selectors.ts';
import { SHOPIFY_SITE } from './shopify/selectors.ts';
import { STRIPE_SITE } from './stripe/selectors.ts';
import { WALMART_SITE } from './walmart/selectors.ts';

/**
 * Every marketplace family a content script serves, with its hosts (from its `selectors.ts`).
 * Each family's adapter lives in its own folder and is imported by its reader script only
 * (`entrypoints/<id>-reader.ts`, loaded on request), so each bundle carries one site's code.
 */
export interface Family {
  id: string;
  label: string;
  matches: readonly string[];
  /** Whether `entrypoints/<id>.content.ts` exists (a meta-test checks it). */
  contentScript: boolean;
}

export const FAMILIES: readonly Family[] = [
  { ...AMAZON_SITE, contentScript: true },
  { ...SHOPIFY_SITE, contentScript: true },
  { ...PAYPAL_SITE, contentScript: true },
  { ...DEMO_SITE, contentScript: true },
  { ...EBAY_SITE, contentScript: true },
  { ...ETSY_SITE, contentScript: true },
  { ...WALMART_SITE, contentScript: true },
  { ...STRIPE_SITE, contentScript: true },
  { ...ALIEXPRESS_SITE, contentScript: true },
  { ...ALIBABA_SITE, contentScript: true },
  { ...DHGATE_SITE, contentScript: true },
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

/** Each family's adapter, loaded on demand (for tests and the registry meta-test). */
const ADAPTERS: Readonly<Record<string, () => Promise<SiteAdapter>>> = {
  amazon: async () => (await import('./amazon/reader.ts')).amazonAdapter,
  shopify: async () => (await import('./shopify/reader.ts')).shopifyAdapter,
  paypal: async () => (await import('./paypal/reader.ts')).paypalAdapter,
  demo: async () => (await import('./demo/reader.ts')).demoAdapter,
  ebay: async () => (await import('./ebay/reader.ts')).ebayAdapter,
  etsy: async () => (await import('./etsy/reader.ts')).etsyAdapter,
  walmart: async () => (await import('./walmart/reader.ts')).walmartAdapter,
  stripe: async () => (await import('./stripe/reader.ts')).stripeAdapter,
  aliexpress: async () => (await import('./aliexpress/reader.ts')).aliexpressAdapter,
  alibaba: async () => (await import('./alibaba/reader.ts')).alibabaAdapter,
  dhgate: async () => (await import('./dhgate/reader.ts')).dhgateAdapter,
};

export async function loadAdapter(id: string): Promise<SiteAdapter | undefined> {
  return ADAPTERS[id]?.();
}
