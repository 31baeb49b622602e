import { z } from 'zod';
import { LexiconSchema, type Lexicon } from '../rule-set-schema.js';
import data from './lexicons.json' with { type: 'json' };
import detection from './lexicons-detection.json' with { type: 'json' };

const LexiconFileSchema = z.object({ lexicons: z.record(z.string(), LexiconSchema) });

/**
 * The built-in lexicons (project-authored data, Apache-2.0): support verbs, invitations,
 * negations, notices and reports, hoax and black-campaign cues, SARA and hostility terms, money
 * offers, SARA labels, moral smears, soft support, pair groups and campaign prohibitions
 * (`lexicons-detection.json`). Any rule set may use them by id; a rule set's own lexicon of the same id wins.
 */
export const BUILTIN_LEXICONS: Readonly<Record<string, Lexicon>> = mergeLexiconFiles([LexiconFileSchema.parse(data).lexicons, LexiconFileSchema.parse(detection).lexicons]);

/** Join the lexicon files; an id defined twice is a packaging mistake, not an override. */
function mergeLexiconFiles(files: Record<string, Lexicon>[]): Record<string, Lexicon> {
  const merged: Record<string, Lexicon> = {};
  for (const file of files) {
    for (const [id, lexicon] of Object.entries(file)) {
      if (merged[id]) throw new Error(`built-in lexicon "${id}" is defined in two files`);
      merged[id] = lexicon;
    }
  }
  return merged;
}
