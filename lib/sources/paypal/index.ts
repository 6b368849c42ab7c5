import type { AnyReportFormat } from '../format.ts';
import { paypalActivity } from './activity.ts';

/** The paypal report formats Tradeline reads. */
export const paypalFormats: readonly AnyReportFormat[] = [paypalActivity];
