import { maskPersonalData } from '../report/mask-personal-data.js';
import type { Subject } from '../subject/subject-schema.js';
import type { DecidedFinding } from './decided-findings.js';

/**
 * One reviewer decision as a labelled training or evaluation example. Personal data is masked:
 * names of the people watched and of the item's author become `[nama]`, account handles
 * `[akun]`, NIP/NRP, NIK, phone numbers and e-mail addresses as in every export. Candidates'
 * names stay: they are public, and the rules read them.
 */
export interface DecisionExample {
  /** The finding id (a hash; names no one). */
  findingId: string;
  text: string;
  /** The text the item shared, quoted or answered, masked the same way. */
  targetText?: string;
  /** `accepted`: a reviewer confirmed the act; `dismissed`: a false alarm. */
  label: 'accepted' | 'dismissed';
  rule: string;
  ruleSet?: string;
  category: string;
  /** The reviewer's written reason for a dismissal, masked. */
  reason?: string;
  platform: string;
  itemKind: string;
}

const HANDLE = /@[A-Za-z0-9_.]{2,30}/g;

/**
 * Build the labelled, masked dataset of decisions (one example per standing decision whose item
 * is still stored; the others are counted in `skipped`).
 */
export function decisionDataset(decided: readonly DecidedFinding[], options: { subjects: readonly Subject[] }): { examples: DecisionExample[]; skipped: number } {
  const names = new Set<string>();
  const handles = new Set<string>();
  for (const subject of options.subjects) {
    // Candidates are public figures whose names the rules read: they stay.
    if (subject.category === 'candidate') continue;
    names.add(subject.name);
    for (const part of subject.name.split(/\s+/)) if (part.length >= 4) names.add(part);
    for (const account of subject.accounts) if (account.handle) handles.add(account.handle);
  }
  const examples: DecisionExample[] = [];
  let skipped = 0;
  for (const { review, finding, item } of decided) {
    if (!finding || !item) {
      skipped++;
      continue;
    }
    const local = new Set(names);
    if (item.author.name) local.add(item.author.name);
    const localHandles = new Set(handles);
    if (item.author.handle) localHandles.add(item.author.handle);
    const mask = (text: string) => maskText(text, local, localHandles);
    examples.push({
      findingId: finding.id,
      text: mask(item.text ?? ''),
      ...(item.target?.text ? { targetText: mask(item.target.text) } : {}),
      label: review.outcome,
      rule: finding.ruleId,
      ruleSet: finding.ruleSetId,
      category: finding.category,
      ...(review.reason ? { reason: mask(review.reason) } : {}),
      platform: item.platform,
      itemKind: item.kind,
    });
  }
  return { examples, skipped };
}

/** The dataset as JSON Lines (one example per line), the format model trainers read. */
export function decisionDatasetJsonl(examples: readonly DecisionExample[]): string {
  return examples.map((example) => JSON.stringify(example)).join('\n') + (examples.length > 0 ? '\n' : '');
}

function maskText(text: string, names: ReadonlySet<string>, handles: ReadonlySet<string>): string {
  let out = maskPersonalData(text).replace(HANDLE, '@[akun]');
  // Longest first, so "Yudha Pratama Wijaya" goes before "Yudha".
  for (const name of [...names].sort((a, b) => b.length - a.length)) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, 'giu'), '[nama]');
  for (const handle of handles) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_])${escape(handle)}(?![\\p{L}\\p{N}_])`, 'giu'), '[akun]');
  // "Yudha Pratama" (two parts of a longer name) is one person.
  return out.replace(/\[nama\](?:\s+\[nama\])+/g, '[nama]');
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
