import { CaptureSchema, ChangeSchema, FindingSchema, type Capture, type Change, type Finding } from '@sipansos/core';
import { CaseSchema, type Case } from '@sipansos/core/cases';
import { AuditEntrySchema, type AuditEntry, type RecordOf } from '@sipansos/core/evidence';

/**
 * Invented records for store tests: valid against core's schemas, small, and varied in the
 * keys stores index (account, item, subject, category, state, time). No real person appears.
 */

const BASE_TIME = Date.parse('2024-11-20T01:00:00Z');

/** An ISO time `minutes` after 2024-11-20T01:00:00Z. */
export function fixtureTime(minutes: number): string {
  return new Date(BASE_TIME + minutes * 60_000).toISOString();
}

/** Settings of {@link fixtureCapture}. */
export interface FixtureCaptureOptions {
  id: string;
  /** Account handle on X (invented). @default "andi_contoh" */
  handle?: string;
  /** Minutes after the fixture epoch. @default 0 */
  minute?: number;
  /** Item ids (platform `x`). @default [`${id}-post`] */
  itemIds?: string[];
  rawBlobs?: string[];
  /** Grow the record to about this many characters of text. */
  padTo?: number;
}

/** A timeline capture of an invented X account. */
export function fixtureCapture(options: FixtureCaptureOptions): Capture {
  const handle = options.handle ?? 'andi_contoh';
  const at = fixtureTime(options.minute ?? 0);
  const itemIds = options.itemIds ?? [`${options.id}-post`];
  return CaptureSchema.parse({
    id: options.id,
    adapter: { id: 'x-api', version: '0.0.0-test' },
    platform: 'x',
    account: { platform: 'x', handle },
    accountKey: `x:@${handle}`,
    scope: 'timeline',
    capturedAt: at,
    rawBlobs: options.rawBlobs ?? [],
    items: itemIds.map((id, index) => ({
      platform: 'x',
      id,
      kind: 'post',
      author: { handle },
      createdAt: at,
      text: index === 0 && options.padTo ? `Contoh unggahan. ${'x'.repeat(Math.max(0, options.padTo - 18))}` : `Contoh unggahan ${id}`,
    })),
    window: { complete: true },
  });
}

/** A finding on an invented subject. */
export function fixtureFinding(options: { id: string; subjectId?: string; category?: Finding['category']; handle?: string; itemId?: string; minute?: number }): Finding {
  const handle = options.handle ?? 'andi_contoh';
  return FindingSchema.parse({
    id: options.id,
    ruleId: 'asn-dukungan',
    ruleSetId: 'test-rules',
    ruleSetVersion: '1',
    title: { id: 'Contoh temuan', en: 'Example finding' },
    category: options.category ?? 'neutrality',
    sanctions: ['moral'],
    severity: 'medium',
    legalBasis: [{ instrument: 'SKB 2/2022', article: 'contoh' }],
    subjectId: options.subjectId ?? 'S-001',
    subjectCategory: 'asn',
    accountKey: `x:@${handle}`,
    itemKey: `x:${options.itemId ?? `${options.id}-item`}`,
    itemKind: 'post',
    actAt: fixtureTime(options.minute ?? 0),
    spans: [],
    evidence: { captureId: 'C-1', itemHash: '0'.repeat(64) },
    createdAt: fixtureTime((options.minute ?? 0) + 1),
  });
}

/** A change on an invented account. */
export function fixtureChange(options: { id: string; type?: Change['type']; handle?: string; itemId?: string; minute?: number }): Change {
  return ChangeSchema.parse({
    id: options.id,
    type: options.type ?? 'added',
    accountKey: `x:@${options.handle ?? 'andi_contoh'}`,
    itemKey: `x:${options.itemId ?? `${options.id}-item`}`,
    captureId: 'C-1',
    detectedAt: fixtureTime(options.minute ?? 0),
  });
}

/** Version `version` of an invented case, in `state`. */
export function fixtureCase(options: { id: string; version: number; state: Case['state']; subjectId?: string; minute?: number }): Case {
  return CaseSchema.parse({
    id: options.id,
    title: 'Dugaan ketidaknetralan (contoh)',
    subjectId: options.subjectId ?? 'S-001',
    state: options.state,
    openedAt: fixtureTime(0),
    openedBy: 'petugas-contoh',
    transitions: [{ from: null, to: options.state, at: fixtureTime(options.minute ?? options.version), actor: 'petugas-contoh', reason: 'contoh' }],
    version: options.version,
  });
}

/** An audit entry. */
export function fixtureAudit(options: { id: string; minute?: number; action?: string; note?: string }): AuditEntry {
  return AuditEntrySchema.parse({
    id: options.id,
    at: fixtureTime(options.minute ?? 0),
    actor: 'petugas-contoh',
    action: options.action ?? 'test.entry',
    details: options.note !== undefined ? { note: options.note } : {},
  });
}

/**
 * An account-state snapshot carrying only the envelope a store indexes (`accountKey`,
 * `updatedAt`) plus a marker field. Stores check only the envelope, so this is enough for
 * store tests; it is not a full deletion-detection state.
 */
export function fixtureAccountState(options: { handle?: string; minute?: number; knownItems?: number }): RecordOf<'account_state'> {
  const envelope = { accountKey: `x:@${options.handle ?? 'andi_contoh'}`, updatedAt: fixtureTime(options.minute ?? 0), knownItems: options.knownItems ?? 0 };
  return envelope as unknown as RecordOf<'account_state'>;
}
