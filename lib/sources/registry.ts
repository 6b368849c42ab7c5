import { amazonFormats } from './amazon/index.ts';
import { ebayFormats } from './ebay/index.ts';
import { etsyFormats } from './etsy/index.ts';
import type { AnyReportFormat } from './format.ts';
import { paypalFormats } from './paypal/index.ts';
import { shopifyFormats } from './shopify/index.ts';
import { stripeFormats } from './stripe/index.ts';
import { walmartFormats } from './walmart/index.ts';

/** Every report format Tradeline reads. A meta-test checks each has fixtures and golden output. */
export const FORMATS: readonly AnyReportFormat[] = [
  ...amazonFormats,
  ...shopifyFormats,
  ...ebayFormats,
  ...etsyFormats,
  ...paypalFormats,
  ...stripeFormats,
  ...walmartFormats,
];

export function formatById(id: string): AnyReportFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}
