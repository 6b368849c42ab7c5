import type { AnyReportFormat } from '../format.ts';

/** The walmart report formats Tradeline reads. */
export const walmartFormats: readonly AnyReportFormat[] = [];
