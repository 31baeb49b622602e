import { describe, expect, it } from 'vitest';
import { OBFUSCATIONS, obfuscateText } from '../text/obfuscate-text.js';
import { ALL_FIXTURES } from './__fixtures__/all-fixtures.js';
import { EXAMPLE_ELECTION } from './__fixtures__/example-election.js';
import { HELD_OUT_FIXTURES } from './__fixtures__/held-out-fixtures.js';
import { BUILTIN_RULE_SETS } from './builtin/builtin-rule-sets.js';
import { compileRules } from './compile-rules.js';
import { analyzeField } from './item-analysis.js';

const compiled = compileRules(BUILTIN_RULE_SETS, EXAMPLE_ELECTION)._unsafeUnwrap();

describe('field analysis', () => {
  it('finds the same hits in one pass as with the root text scanned apart (clean and disguised fixtures, cut words next to root phrases)', () => {
    const texts = [...ALL_FIXTURES, ...HELD_OUT_FIXTURES].flatMap((fixture) => [fixture.item.text, fixture.item.target?.text]).filter((text): text is string => Boolean(text));
    const disguised = texts.flatMap((text, index) => OBFUSCATIONS.map((how) => obfuscateText(text, how, { seed: index })));
    // Cut words ("berangkat" → "angkat", "ujian" → "uji") beside and away from the root phrases they start.
    const edges = ['Pagi ini berangkat ujian di sekolah', 'Kalau kalah, angkat kaki dari desa ini', 'Mereka berangkat kaki telanjang ke TPS 27/11', 'Lolos uji kelayakan, berangkat kampanye besok', 'ujian 27/11 berangkat'];
    let rootHits = 0;
    for (const value of [...texts, ...disguised, ...edges]) {
      const field = { field: 'text', value, scope: 'own' as const };
      const fewest = analyzeField(compiled, field);
      expect(fewest, value).toEqual(analyzeField(compiled, field, 'both'));
      for (const hits of fewest.lexiconHits) rootHits += (hits ?? []).filter((hit) => hit.term.includes(' ')).length;
    }
    // Phrases were found, so a difference in what either way finds would show.
    expect(rootHits).toBeGreaterThan(100);
  });
});
