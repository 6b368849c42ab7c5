import { BusinessDetails } from '../../lib/domain/application.ts';
import type { BusinessField } from './business.ts';

/**
 * Whether a business detail, as stored, passes its BusinessDetails schema. Its own module, loaded
 * by `loadBusinessCheck` once the options page is idle: it is the options page's only use of zod and
 * the application schemas, which then stay out of the page's first paint (issue 10).
 */
export function passesSchema(field: BusinessField, value: string | number): boolean {
  return BusinessDetails.shape[field].safeParse(value).success;
}
