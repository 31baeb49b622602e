import { describe, expect, it } from 'vitest';
import { compareCodeUnits } from './code-unit-order.js';

describe('compareCodeUnits', () => {
  it('orders by UTF-16 code units, as the default sort and RFC 8785 do', () => {
    const words = ['z', 'aa', 'Z', 'a_b', 'ab', 'é', 'e', '10', '9', 'x:B', 'x:a', '\u{1F600}', '\uFFFD'];
    expect([...words].sort(compareCodeUnits)).toEqual([...words].sort());
    expect(compareCodeUnits('a', 'a')).toBe(0);
  });

  it('gives the same order whatever the locale would say', () => {
    // Danish collation puts "aa" (å) after "z"; English puts "x:a" before "x:B". Code units do neither.
    const words = ['aa', 'z', 'x:a', 'x:B'];
    expect([...words].sort((a, b) => a.localeCompare(b, 'da'))).toEqual(['x:a', 'x:B', 'z', 'aa']);
    expect([...words].sort(compareCodeUnits)).toEqual(['aa', 'x:B', 'x:a', 'z']);
  });
});
