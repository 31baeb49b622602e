import { describe, expect, it } from 'vitest';
import { HASHTAG_PATTERN, hashtagsInText } from './text-hashtags.js';

function reference(text: string) {
  return [...text.matchAll(HASHTAG_PATTERN)].map((match) => ({ index: match.index, text: match[0], tag: match[1]!, lower: match[1]!.toLowerCase() }));
}

describe('hashtagsInText', () => {
  it('finds what the Unicode pattern finds, on ASCII and non-ASCII tags alike', () => {
    const pieces = ['#', '#', '#', '##', 'a', 'Z', '0', '9', '_', ' ', '-', '.', '@', '`', '{', '/', ':', '[', 'é', 'e\u0301', 'ß', 'ª', '²', '٣', '五', 'Ⅻ', '𝐌', '😀', '☝️', '\u200b', '\ud800', 'ñ', 'Ж', '\n'];
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 0x1_0000_0000;
    };
    let nonAscii = 0;
    let tags = 0;
    for (let round = 0; round < 6000; round++) {
      let text = '';
      const length = 1 + Math.floor(random() * 14);
      for (let index = 0; index < length; index++) text += pieces[Math.floor(random() * pieces.length)];
      const expected = reference(text);
      expect(hashtagsInText(text), JSON.stringify(text)).toEqual(expected);
      tags += expected.length;
      nonAscii += expected.filter((tag) => /[^\x00-\x7f]/.test(tag.text)).length;
    }
    // The walk must reach both paths many times.
    expect(tags).toBeGreaterThan(1500);
    expect(nonAscii).toBeGreaterThan(400);
  });

  it('reads tags that start ASCII and go on past it, and tags right after one another', () => {
    expect(hashtagsInText('Ayo #PilkadaDamai2024, #Lembah_Maju#Coblos02 #Menangé! # ## #٣x #😀')).toEqual(reference('Ayo #PilkadaDamai2024, #Lembah_Maju#Coblos02 #Menangé! # ## #٣x #😀'));
    expect(hashtagsInText('#Menangé').map((tag) => tag.tag)).toEqual(['Menangé']);
    expect(hashtagsInText('#a#b').map((tag) => tag.index)).toEqual([0, 2]);
  });
});
