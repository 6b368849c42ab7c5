import type { AnyReportFormat } from '../format.ts';
import { walmartRecon } from './recon.ts';

/** The Walmart report formats Tradeline reads. */
export const walmartFormats: readonly AnyReportFormat[] = [walmartRecon];
