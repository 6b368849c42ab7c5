import type { AnyReportFormat } from '../format.ts';

/** The ebay report formats Tradeline reads. */
export const ebayFormats: readonly AnyReportFormat[] = [];
