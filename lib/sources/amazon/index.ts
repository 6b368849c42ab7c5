import type { AnyReportFormat } from '../format.ts';

/** The amazon report formats Tradeline reads. */
export const amazonFormats: readonly AnyReportFormat[] = [];
