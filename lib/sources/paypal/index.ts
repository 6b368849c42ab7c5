import type { AnyReportFormat } from '../format.ts';

/** The paypal report formats Tradeline reads. */
export const paypalFormats: readonly AnyReportFormat[] = [];
