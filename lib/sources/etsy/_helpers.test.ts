import { describe, expect, it } from 'vitest';
import { Occurrences } from '../entries.ts';
import { amountInText, orderNumberIn, RepairedDates, readEtsyDate } from './_helpers.ts';

describe('readEtsyDate', () => {
  it('reads the dates Etsy writes and the ones spreadsheets write back', () => {
    expect(readEtsyDate('07/16/22')).toEqual({ date: '2022-07-16', repaired: false });
    expect(readEtsyDate('6/4/2020')).toEqual({ date: '2020-06-04', repaired: false });
    expect(readEtsyDate('2020-11-21')).toEqual({ date: '2020-11-21', repaired: false });
  });

  it('reads back MM/DD/YY dates a spreadsheet misread as YY/MM/DD', () => {
    // "11/10/20" (10 Nov 2020) became 2011-10-20.
    expect(readEtsyDate('2011-10-20')).toEqual({ date: '2020-11-10', repaired: true });
    expect(readEtsyDate('2001-07-20')).toEqual({ date: '2020-01-07', repaired: true });
  });

  it('leaves genuine dates alone and rejects what is not a date', () => {
    expect(readEtsyDate('2012-04-05')).toEqual({ date: '2012-04-05', repaired: false }); // day < 13
    expect(readEtsyDate('2013-10-20')).toEqual({ date: '2013-10-20', repaired: false });
    expect(readEtsyDate('2026-02-30').date).toBeUndefined();
    expect(readEtsyDate('soon').date).toBeUndefined();
  });
});

describe('RepairedDates', () => {
  it('says nothing when no date was repaired', () => {
    expect(new RepairedDates().message('Sale Date')).toBeUndefined();
  });

  it('reports one repaired cell, or how many, naming the first', () => {
    const one = new RepairedDates();
    one.note(7, '2011-10-20', '2020-11-10');
    expect(one.message('Sale Date')).toMatchObject({
      line: 7,
      said: { code: 'etsyDateRepaired', params: ['Sale Date', '2011-10-20', '2020-11-10'] },
    });
    expect(one.message('Sale Date')?.said.message).toBe(
      'The "Sale Date" "2011-10-20" looks like an Etsy MM/DD/YY date that a spreadsheet misread as YY/MM/DD; it was read as MM/DD/YY ("2011-10-20" as 2020-11-10). Check these dates.',
    );
    one.note(9, '2011-06-20', '2020-11-06');
    expect(one.message('Sale Date')?.said.message).toMatch(
      /^2 "Sale Date" cells .* \(the first: "2011-10-20" on line 7\)/,
    );
  });
});

describe('Occurrences', () => {
  it('numbers repeats of a key, the same way on every read', () => {
    const read = () => {
      const o = new Occurrences('#');
      return [o.key('a'), o.key('b'), o.key('a'), o.key('a')];
    };
    expect(read()).toEqual(['a', 'b', 'a#2', 'a#3']);
    expect(read()).toEqual(read());
  });
});

describe('amountInText', () => {
  it('finds the payout in a deposit title', () => {
    expect(amountInText('€678.00 sent to your bank account', 2)).toBe(67800);
    expect(amountInText('€1,592.50 sent to your bank account', 2)).toBe(159250);
    expect(amountInText('CA$1,025.10 sent to your bank account', 2)).toBe(102510);
    expect(amountInText('£40.91 sent to your bank account.', 2)).toBe(4091);
    expect(amountInText('Your deposit of $5 was sent', 2)).toBe(500);
  });

  it('returns undefined when the text holds no amount', () => {
    expect(amountInText('Deposit sent to your bank account', 2)).toBeUndefined();
  });
});

describe('orderNumberIn', () => {
  it('reads the order number of statement titles and info cells', () => {
    expect(orderNumberIn('Payment for Order #2360875283')).toBe('2360875283');
    expect(orderNumberIn('Order #2360875283')).toBe('2360875283');
    expect(orderNumberIn('order: 2360875283')).toBe('2360875283');
    expect(orderNumberIn('Listing #1155967404')).toBeUndefined();
  });
});
