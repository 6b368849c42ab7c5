import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from '../../lib/channels/catalog/bundled.ts';
import { prequalifyAll } from '../../lib/channels/prequalify.ts';
import { inputFrom, steady } from '../../lib/profile/test-input.ts';
import { setPopupLanguage, strings } from './strings.ts';

afterEach(() => setPopupLanguage('en'));

describe('popup strings', () => {
  // Four months of small sales: most bundled channels say what is missing.
  const gaps = prequalifyAll(BUNDLED_CATALOG.channels, {
    input: inputFrom(steady('2026-10', 4, { sales: 2_000_00, refunds: 150_00 }), '2026-11-15'),
  }).flatMap((o) => o.gaps);

  it('keeps the wording of lib/ in English', () => {
    expect(gaps.length).toBeGreaterThan(5);
    for (const gap of gaps) expect(strings.gap(gap)).toBe(gap.message);
  });

  it('words every gap of the bundled channels in Chinese, with the figures lib/ computed', () => {
    setPopupLanguage('zh_CN');
    const worded = gaps.map((gap) => strings.gap(gap));
    // No English left: each gap has a Chinese wording (figures, currency codes and platform names aside).
    const names = /USD|Tradeline|amazon|shopify|stripe|paypal|ebay|etsy|walmart/g;
    expect(worded.filter((text) => /[a-z]{3,}/.test(text.replace(names, '')))).toEqual([]);
    const history = gaps.find((g) => g.code === 'monthsOfHistory_low');
    expect(history && strings.gap(history)).toMatch(/^还需 \d+ 个月的经营记录$/);
    const sales = gaps.find((g) => g.code === 'ttmSales_low');
    expect(sales && strings.gap(sales)).toBe(
      `近 12 个月销售额 ${sales?.params?.[0]}，低于 ${sales?.params?.[1]}`,
    );
  });

  it('switches every group in place, so modules holding a group see the new language', () => {
    const tabs = strings.tabs;
    setPopupLanguage('zh_CN');
    expect(tabs.offers).toBe('融资报价');
    expect(strings.offers.eligibleHeading(3)).toBe('您已通过 3 个渠道的预审');
    setPopupLanguage('en');
    expect(tabs.offers).toBe('Offers');
    expect(strings.offers.eligibleHeading(1)).toBe('You prequalify for 1 channel');
  });
});
