import { describe, expect, it } from 'vitest';
import { stripeDecimalMark } from './_amount.ts';

describe('stripeDecimalMark', () => {
  it('reads a lone comma as the decimal mark: Stripe never writes thousands separators', () => {
    expect(stripeDecimalMark('1250,00')).toBe(',');
    expect(stripeDecimalMark('1,250')).toBe(',');
    expect(stripeDecimalMark('-0,99')).toBe(',');
  });

  it('reads dots (and plain integers) with a dot as the decimal mark', () => {
    expect(stripeDecimalMark('1250.00')).toBe('.');
    expect(stripeDecimalMark('1500')).toBe('.');
    expect(stripeDecimalMark('')).toBe('.');
  });
});
