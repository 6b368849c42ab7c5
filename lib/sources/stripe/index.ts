import type { AnyReportFormat } from '../format.ts';

/** The stripe report formats Tradeline reads. */
export const stripeFormats: readonly AnyReportFormat[] = [];
