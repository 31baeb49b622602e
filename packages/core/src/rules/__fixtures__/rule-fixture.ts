import type { ItemInput } from '../../capture/item-schema.js';
import type { FindingCategory } from '../../findings/finding-schema.js';
import type { SubjectCategory } from '../../subject/subject-schema.js';
import type { PHASE_TIMES } from './example-election.js';

/** One hand-written labelled example for a rule category. */
export interface RuleFixture {
  category: FindingCategory;
  /** Whether a rule of `category` should flag it. */
  expected: boolean;
  subject: SubjectCategory;
  phase: keyof typeof PHASE_TIMES;
  item: Partial<ItemInput>;
  /** 1-based line in the fixture block, for error messages. */
  line?: number;
  /**
   * Held-out fixtures only: `tune` ones may be read while choosing lexicons and distances,
   * `test` ones are scored and never read for that (see `held-out-fixtures.ts`).
   */
  set?: 'tune' | 'test';
}

/** Defaults for a block of fixtures. */
export interface FixtureDefaults {
  subject: SubjectCategory;
  phase: keyof typeof PHASE_TIMES;
  item?: Partial<ItemInput>;
}

/**
 * Parse a block of one-line fixtures: `+ text` is a positive, `- text` a negative; an optional
 * `{phase=quiet subject=ptt kind=comment author=handle target=...}` before the text overrides
 * the defaults (`target=` takes the rest of the braces as the shared/replied-to text).
 */
export function fixtureBlock(category: FindingCategory, defaults: FixtureDefaults, block: string): RuleFixture[] {
  const out: RuleFixture[] = [];
  block.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line.length === 0 || line.startsWith('//')) return;
    const sign = line[0];
    if (sign !== '+' && sign !== '-') throw new Error(`${category} fixture line ${index + 1}: start with "+" or "-": ${line}`);
    let rest = line.slice(1).trim();
    const fixture: RuleFixture = { category, expected: sign === '+', subject: defaults.subject, phase: defaults.phase, item: { ...defaults.item }, line: index + 1 };
    const options = /^\{([^}]*)\}\s*/.exec(rest);
    if (options) {
      rest = rest.slice(options[0].length);
      const body = options[1]!;
      const targetAt = body.indexOf('target=');
      const plain = targetAt >= 0 ? body.slice(0, targetAt) : body;
      if (targetAt >= 0) fixture.item.target = { kind: 'post', id: `t${index}`, text: body.slice(targetAt + 'target='.length).trim() };
      for (const pair of plain.split(/\s+/).filter(Boolean)) {
        const [key, value] = pair.split('=') as [string, string];
        if (key === 'phase') fixture.phase = value as RuleFixture['phase'];
        else if (key === 'subject') fixture.subject = value as SubjectCategory;
        else if (key === 'kind') fixture.item.kind = value as never;
        else if (key === 'author') fixture.item.author = { handle: value };
        else if (key === 'platform') fixture.item.platform = value;
        else if (key === 'tags') fixture.item.hashtags = value.split(',');
        else if (key === 'to') fixture.item.target = { ...(fixture.item.target ?? { kind: 'post', id: `t${index}` }), author: { handle: value } };
        else if (key === 'media') fixture.item.media = [{ type: 'photo' }];
        else throw new Error(`${category} fixture line ${index + 1}: unknown option ${key}`);
      }
    }
    if (rest.length > 0) fixture.item.text = rest;
    if (fixture.item.target && (fixture.item.kind === 'follow' || fixture.item.kind === 'membership')) fixture.item.target = { ...fixture.item.target, kind: 'account' };
    out.push(fixture);
  });
  return out;
}
