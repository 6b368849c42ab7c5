import type { AnyReportFormat } from '../format.ts';

/** The etsy report formats Tradeline reads. */
export const etsyFormats: readonly AnyReportFormat[] = [];
