import { readFile } from 'node:fs/promises';
import { invalidInputFromZod, parseJsonText } from '@sipansos/core';
import {
  DEFAULT_DEADLINE_POLICY,
  DEFAULT_ROUTING_TABLE,
  DeadlinePolicyOverrideSchema,
  applyDeadlineOverride,
  RoutingOverrideSchema,
  mergeRoutingTable,
  type DeadlinePolicy,
  type RoutingTable,
} from '@sipansos/core/cases';
import { LetterTemplateSchema, type LetterTemplate } from '@sipansos/core/report';
import type { LoadedConfig } from '../config/load-config.js';
import type { BilingualLine } from '../runtime/runtime-error.js';

/**
 * Files an office may keep beside `sipansos.config.json` to adapt case handling without code:
 * - `routing.json`: a routing override (`{ id, version, entries: [...], remove: [...] }`);
 * - `deadlines.json`: `{ holidays, timeZone, reminderAfter, rules }` (rules replace built-in ones by id);
 * - `templates/rekomendasi.json`, `templates/penerusan.json`: letter templates.
 */
export const CASE_SETTING_FILES = {
  routing: 'routing.json',
  deadlines: 'deadlines.json',
  template: (kind: 'rekomendasi' | 'penerusan') => `templates/${kind}.json`,
} as const;

/** The office's case-handling settings, built-ins where it has none. */
export interface CaseSettings {
  routing: RoutingTable;
  deadlines: DeadlinePolicy;
  templates: Partial<Record<'rekomendasi' | 'penerusan', LetterTemplate>>;
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function problem(file: string, message: string): BilingualLine {
  return { id: `berkas ${file} tidak sah: ${message}`, en: `invalid file ${file}: ${message}` };
}

/** Read the office's case settings; a malformed file is an error naming it, a missing one means built-ins. */
export async function loadCaseSettings(config: LoadedConfig): Promise<CaseSettings | { problem: BilingualLine }> {
  let routing = DEFAULT_ROUTING_TABLE;
  const routingFile = config.resolve(CASE_SETTING_FILES.routing);
  const routingText = await readOptional(routingFile);
  if (routingText !== undefined) {
    const json = parseJsonText(routingText, routingFile);
    if (json.isErr()) return { problem: problem(routingFile, json.error.message) };
    const override = RoutingOverrideSchema.safeParse(json.value);
    if (!override.success) return { problem: problem(routingFile, invalidInputFromZod(routingFile, override.error).issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')) };
    const merged = mergeRoutingTable(routing, override.data);
    if (merged.isErr()) return { problem: problem(routingFile, merged.error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')) };
    routing = merged.value;
  }
  let deadlines = DEFAULT_DEADLINE_POLICY;
  const deadlineFile = config.resolve(CASE_SETTING_FILES.deadlines);
  const deadlineText = await readOptional(deadlineFile);
  if (deadlineText !== undefined) {
    const json = parseJsonText(deadlineText, deadlineFile);
    if (json.isErr()) return { problem: problem(deadlineFile, json.error.message) };
    const override = DeadlinePolicyOverrideSchema.safeParse(json.value);
    if (!override.success) return { problem: problem(deadlineFile, invalidInputFromZod(deadlineFile, override.error).issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')) };
    const policy = applyDeadlineOverride(deadlines, override.data, deadlineFile);
    if (policy.isErr()) return { problem: problem(deadlineFile, policy.error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')) };
    deadlines = policy.value;
  }
  const templates: CaseSettings['templates'] = {};
  for (const kind of ['rekomendasi', 'penerusan'] as const) {
    const file = config.resolve(CASE_SETTING_FILES.template(kind));
    const text = await readOptional(file);
    if (text === undefined) continue;
    const json = parseJsonText(text, file);
    if (json.isErr()) return { problem: problem(file, json.error.message) };
    const template = LetterTemplateSchema.safeParse(json.value);
    if (!template.success) return { problem: problem(file, invalidInputFromZod(file, template.error).issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')) };
    templates[kind] = template.data;
  }
  return { routing, deadlines, templates };
}
