import { describe, expect, it } from 'vitest';
import { surtOf } from './cdxj-index.js';

describe('surtOf', () => {
  it('reverses the host, drops www and lower-cases path and query', () => {
    expect(surtOf('https://www.X.com/Status/1?Lang=ID')).toBe('com,x)/status/1?lang=id');
  });

  it('orders query keys by code units, so the index bytes do not depend on the machine locale', () => {
    // A locale collation would put a, b before B; the index must be the same on every machine.
    expect(surtOf('https://x.com/a?b=1&B=2&a=3')).toBe('com,x)/a?b=2&a=3&b=1');
  });

  it('keeps a string that is not a URL, lower-cased', () => {
    expect(surtOf('Not A URL')).toBe('not a url');
  });
});
