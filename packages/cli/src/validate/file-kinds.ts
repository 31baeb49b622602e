import { ElectionContextSchema, SubjectListSchema } from '@sipansos/core';
import { DEFAULT_ROUTING_TABLE, DeadlinePolicyOverrideSchema, mergeRoutingTable, RoutingOverrideSchema } from '@sipansos/core/cases';
import { LetterTemplateSchema } from '@sipansos/core/report';
import { RuleSetSchema, ruleSetProblems } from '@sipansos/core/rules';
import type { z } from 'zod';
import { CliConfigSchema } from '../config/config-schema.js';

/** A kind of file `sipansos validate` knows, and how to recognise it. */
export interface ValidatableFileKind {
  /** Used with `--kind`. */
  kind: string;
  label: { id: string; en: string };
  /** Whether a parsed JSON value looks like this kind (used when `--kind` is not given). */
  detect(value: unknown): boolean;
  schema: z.ZodType;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The kinds, most specific first. Rule sets and other files add an entry here.
 */
export const FILE_KINDS: ValidatableFileKind[] = [
  {
    kind: 'rule-set',
    label: { id: 'set aturan', en: 'rule set' },
    detect: (value) => isObject(value) && 'rules' in value && 'version' in value,
    // Beyond its shape, a rule set must compile: known lexicons, safe regexes, no cyclic refs.
    schema: RuleSetSchema.superRefine((ruleSet, context) => {
      for (const issue of ruleSetProblems(ruleSet)) context.addIssue({ code: 'custom', message: `${issue.path}: ${issue.message}` });
    }),
  },
  {
    kind: 'routing',
    label: { id: 'penyesuaian rute rujukan (routing.json)', en: 'referral routing override (routing.json)' },
    detect: (value) => isObject(value) && 'entries' in value && 'version' in value,
    // The override must also merge into the built-in table: complete rows, no overlapping dates.
    schema: RoutingOverrideSchema.superRefine((override, context) => {
      const merged = mergeRoutingTable(DEFAULT_ROUTING_TABLE, override);
      if (merged.isErr()) for (const issue of merged.error.issues) context.addIssue({ code: 'custom', message: `${issue.path}: ${issue.message}` });
    }),
  },
  {
    kind: 'deadlines',
    label: { id: 'batas waktu dan hari libur kantor (deadlines.json)', en: 'office deadlines and holidays (deadlines.json)' },
    detect: (value) => isObject(value) && ('holidays' in value || 'reminderAfter' in value || 'weekendDays' in value),
    schema: DeadlinePolicyOverrideSchema,
  },
  {
    kind: 'letter-template',
    label: { id: 'templat surat', en: 'letter template' },
    detect: (value) => isObject(value) && 'body' in value && 'kind' in value,
    schema: LetterTemplateSchema,
  },
  {
    kind: 'context',
    label: { id: 'konteks pemilihan', en: 'election context' },
    detect: (value) => isObject(value) && ('candidatePairs' in value || 'schedule' in value),
    schema: ElectionContextSchema,
  },
  {
    kind: 'config',
    label: { id: 'konfigurasi', en: 'configuration' },
    detect: (value) => isObject(value) && ('store' in value || 'signingKey' in value || 'office' in value) && !('candidatePairs' in value),
    schema: CliConfigSchema,
  },
  {
    kind: 'subjects',
    label: { id: 'daftar subjek', en: 'subjects list' },
    detect: (value) => Array.isArray(value) || (isObject(value) && 'subjects' in value),
    schema: SubjectListSchema,
  },
];
