import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { CaptureSchema } from '../capture/capture-schema.js';
import { InstantSchema } from '../capture/item-schema.js';
import { CaseSchema } from '../cases/case-schema.js';
import { ChangeSchema } from '../diff/change-schema.js';
import { FindingSchema } from '../findings/finding-schema.js';
import { canonicalJson } from '../hashing/canonical-json.js';
import { invalidInputFromZod, type InvalidInputError } from '../validation/validation-issue.js';
import { parsePlainAuditEntry, plainAuditEntryCanonical } from './audit-entry-fast-path.js';
import { AuditEntrySchema } from './audit-entry-schema.js';
import { RECORD_KINDS, type RecordKind, type RecordOf } from './record-kinds.js';

/**
 * The envelope of an account-state record. The rest of its shape belongs to deletion
 * detection, so unknown members are kept as they are.
 */
export const AccountStateEnvelopeSchema = z.looseObject({
  accountKey: z.string().min(1).max(200),
  updatedAt: InstantSchema,
});

/** The schema each record kind is checked against before a store accepts it. */
export const RECORD_SCHEMAS: { readonly [K in RecordKind]: z.ZodType } = {
  capture: CaptureSchema,
  account_state: AccountStateEnvelopeSchema,
  change: ChangeSchema,
  finding: FindingSchema,
  case: CaseSchema,
  audit: AuditEntrySchema,
};

/** A record that passed its kind's schema, with its canonical JSON (what its hash covers). */
export interface ParsedRecord<K extends RecordKind> {
  record: RecordOf<K>;
  canonical: string;
}

/**
 * Check a record before it is stored: its kind's zod schema (defaults applied, so the stored
 * form is the parsed form) and that it has a canonical JSON form. Every store calls this, so a
 * record one store accepts, every store accepts. `source` names the record in errors
 * (default `"<kind> record"`).
 */
export function parseRecord<K extends RecordKind>(kind: K, value: unknown, source?: string): Result<ParsedRecord<K>, InvalidInputError> {
  if (!(RECORD_KINDS as readonly string[]).includes(kind)) {
    return err({ type: 'invalid_input', source: sourceOf(kind, source), message: `unknown record kind "${String(kind)}"; use one of ${RECORD_KINDS.join(', ')}`, issues: [{ path: '(root)', message: `unknown record kind "${String(kind)}"` }] });
  }
  // Audit entries are the most frequent appends; their plain shape is checked and written
  // without zod and without the general serialiser's walk of the known members.
  const plainAudit = kind === 'audit' ? parsePlainAuditEntry(value) : undefined;
  const known = plainAudit === undefined ? undefined : plainAuditEntryCanonical(plainAudit);
  if (known !== undefined) return ok({ record: plainAudit as RecordOf<K>, canonical: known });
  let data: unknown = plainAudit;
  if (data === undefined) {
    const parsed = RECORD_SCHEMAS[kind].safeParse(value);
    if (!parsed.success) return err(invalidInputFromZod(sourceOf(kind, source), parsed.error));
    data = parsed.data;
  }
  const canonical = canonicalJson(data);
  if (canonical.isErr()) {
    const path = canonical.error.path || '(root)';
    const message = canonical.error.type === 'too_large' ? tooLargeMessage(kind, data, canonical.error.message) : canonical.error.message;
    return err({ type: 'invalid_input', source: sourceOf(kind, source), message: `${sourceOf(kind, source)}: ${path}: ${message}`, issues: [{ path, message }] });
  }
  return ok({ record: data as RecordOf<K>, canonical: canonical.value });
}

/** What to do about a record too large to store, by kind. */
function tooLargeMessage(kind: RecordKind, data: unknown, message: string): string {
  if (kind !== 'account_state') return `${message}; keep large content (media, raw pages) as blobs referenced by their hash`;
  const itemCount = (data as { itemCount?: unknown }).itemCount;
  const items = typeof itemCount === 'number' ? `${itemCount} items` : 'its items';
  return `${message}. The account's state holds ${items} in one record, past what this version can store; its earlier state is kept as it was`;
}

// Named only when something is refused: stores call parseRecord for every record they append.
function sourceOf(kind: RecordKind, source: string | undefined): string {
  return source ?? `${kind} record`;
}
