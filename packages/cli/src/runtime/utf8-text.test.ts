import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './utf8-text.js';

describe('decodeUtf8', () => {
  it('decodes valid UTF-8, including non-Latin names', () => {
    expect(decodeUtf8(Buffer.from('id,name\nasn-1,Ségolène Ñúñez\n'))).toEqual({ text: 'id,name\nasn-1,Ségolène Ñúñez\n' });
  });

  it('names the first line with bytes that are not UTF-8 (a Windows-1252 export)', () => {
    const bytes = Buffer.concat([Buffer.from('id,name\nasn-1,Budi\nasn-2,'), Buffer.from([0x53, 0xe9, 0x67]), Buffer.from('\nasn-3,Sari\n')]);
    expect(decodeUtf8(bytes)).toEqual({ invalidLine: 3 });
  });

  it('names the last line when the file ends in the middle of a character', () => {
    expect(decodeUtf8(Buffer.concat([Buffer.from('a\nb'), Buffer.from([0xe2, 0x82])]))).toEqual({ invalidLine: 2 });
  });
});
