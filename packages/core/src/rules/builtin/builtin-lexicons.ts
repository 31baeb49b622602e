import { z } from 'zod';
import { LexiconSchema, type Lexicon } from '../rule-set-schema.js';
import data from './lexicons.json' with { type: 'json' };

/**
 * The built-in lexicons (project-authored data, Apache-2.0): support verbs, invitations,
 * negations, notices and reports, hoax and black-campaign cues, SARA and hostility terms, money
 * offers. Any rule set may use them by id; a rule set's own lexicon of the same id wins.
 */
export const BUILTIN_LEXICONS: Readonly<Record<string, Lexicon>> = z.object({ lexicons: z.record(z.string(), LexiconSchema) }).parse(data).lexicons;
