import { z } from 'zod';
import { isCurrencyCode } from '../money/currencies.ts';

export const CurrencyCode = z.string().refine(isCurrencyCode, { message: 'not an ISO 4217 currency code' });
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/** An amount in integer minor units (cents for USD, yen for JPY) with its ISO 4217 code. */
export const Money = z.object({
  amount: z.number().int().refine(Number.isSafeInteger, { message: 'amount too large' }),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;
