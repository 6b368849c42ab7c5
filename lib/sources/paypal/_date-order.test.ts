import { describe, expect, it } from 'vitest';
import { dateOrderOf, dateOrderOfZone } from './_date-order.ts';

describe('dateOrderOf', () => {
  it('proves day first when the first number cannot be a month', () => {
    expect(dateOrderOf('25/06/2024')).toBe('dmy');
    expect(dateOrderOf('13-01-24')).toBe('dmy');
  });

  it('proves month first when the second number cannot be a month', () => {
    expect(dateOrderOf('06/25/2024')).toBe('mdy');
    expect(dateOrderOf('1/31/2024')).toBe('mdy');
  });

  it('reads German dotted dates as day first, even when both ways would fit', () => {
    expect(dateOrderOf('04.05.2024')).toBe('dmy');
  });

  it('proves nothing for dates that read both ways, impossible dates or other shapes', () => {
    expect(dateOrderOf('04/05/2024')).toBeUndefined();
    expect(dateOrderOf('13/13/2024')).toBeUndefined();
    expect(dateOrderOf('2024-06-25')).toBeUndefined();
    expect(dateOrderOf('')).toBeUndefined();
  });
});

describe('dateOrderOfZone', () => {
  it('takes US zones as month first and European, Australian and Asian ones as day first', () => {
    expect(dateOrderOfZone('PDT')).toBe('mdy');
    expect(dateOrderOfZone(' est ')).toBe('mdy');
    expect(dateOrderOfZone('BST')).toBe('dmy');
    expect(dateOrderOfZone('MESZ')).toBe('dmy');
    expect(dateOrderOfZone('AEDT')).toBe('dmy');
  });

  it('gives no hint for zones it does not know', () => {
    expect(dateOrderOfZone('UTC')).toBeUndefined();
    expect(dateOrderOfZone('GMT+02:00')).toBeUndefined();
  });
});
