import { describe, expect, it } from 'vitest';
import { monthOf, parseDate } from './dates.ts';

describe('parseDate: the calendar day the report shows, in its own time zone', () => {
  it.each([
    ['2025-04-01 17:18:52 -0700', 'ymd', '2025-04-01'], // Shopify
    ['2025-07-31T22:07:18+00:00', 'ymd', '2025-07-31'], // Stripe
    ['2025-07-31T23:59:59Z', 'ymd', '2025-07-31'],
    ['2026/03/04', 'ymd', '2026-03-04'],
    ['Jan 1, 2024 12:08:10 AM PST', 'mdy', '2024-01-01'], // Amazon US: stays Jan 1, not Dec 31 UTC
    ['Jan 31, 2024 11:30:00 PM PST', 'mdy', '2024-01-31'], // counts in January as on the dashboard
    ['28 de fev. de 2026 21:17:51 GMT-8', 'dmy', '2026-02-28'], // Amazon BR
    ['07/16/22', 'mdy', '2022-07-16'],
    ['7/16/2022', 'mdy', '2022-07-16'],
    ['16.07.2022', 'dmy', '2022-07-16'],
    ['16/07/2022 10:00', 'dmy', '2022-07-16'],
    ['Oct-05-26', 'mdy', '2026-10-05'], // eBay
    ['January 31, 2022', 'mdy', '2022-01-31'],
    ['Sept. 3, 2025', 'mdy', '2025-09-03'],
    ['5 Jan 2026', 'dmy', '2026-01-05'],
    ['05-Jan-2026', 'dmy', '2026-01-05'],
    ['5. März 2026', 'dmy', '2026-03-05'],
    ['3 févr. 2026', 'dmy', '2026-02-03'],
    ['12 de dez. de 2025', 'dmy', '2025-12-12'],
    ['  2024-02-29  ', 'ymd', '2024-02-29'],
  ] as const)('%s (%s) is %s', (cell, order, date) => {
    expect(parseDate(cell, order)).toBe(date);
  });

  it('reads numeric dates in the order the format declares', () => {
    expect(parseDate('03/04/2026', 'mdy')).toBe('2026-03-04');
    expect(parseDate('03/04/2026', 'dmy')).toBe('2026-04-03');
    expect(parseDate('03/04/2026')).toBe('2026-03-04'); // mdy by default
  });

  it('reads ISO dates and month names whatever the declared order', () => {
    for (const order of ['ymd', 'mdy', 'dmy'] as const) {
      expect(parseDate('2025-04-01 17:18:52 -0700', order)).toBe('2025-04-01');
      expect(parseDate('Jan 1, 2024', order)).toBe('2024-01-01');
      expect(parseDate('28 de fev. de 2026', order)).toBe('2026-02-28');
    }
  });

  it.each([
    ['31/02/2022', 'dmy'],
    ['02/31/2022', 'mdy'],
    ['16.07.2022', 'mdy'],
    ['hello', 'mdy'],
    ['2022-13-01', 'ymd'],
    ['2022-00-10', 'ymd'],
    ['2023-02-29', 'ymd'],
    ['2022-04-31', 'ymd'],
    ['', 'mdy'],
    ['--', 'mdy'],
    ['12.x0', 'mdy'],
    ['1234.56', 'mdy'],
    ['2025-04-01abc', 'ymd'],
    ['7/16/2022abc', 'mdy'],
    ['Jan 1, 20245', 'mdy'],
    ['Foo 1, 2024', 'mdy'],
    ['1/2/3', 'mdy'],
    ['1899-12-30', 'ymd'], // Excel's day zero
    ['9999-12-31', 'ymd'],
  ] as const)('%j (%s) is not a date', (cell, order) => {
    expect(parseDate(cell, order)).toBeUndefined();
  });

  it('is quick on a 100 kB garbage cell', () => {
    const started = performance.now();
    expect(parseDate(`1${' '.repeat(100_000)}x`)).toBeUndefined();
    expect(parseDate(`1 de${' de'.repeat(30_000)}`)).toBeUndefined();
    expect(parseDate('7'.repeat(100_000))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('monthOf', () => {
  it('is the month an entry counts in', () => {
    expect(monthOf('2024-01-31')).toBe('2024-01');
  });
});
