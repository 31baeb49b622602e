import { describe, expect, it } from 'vitest';
import { ItemSchema } from '../capture/item-schema.js';
import { FindingSchema } from '../findings/finding-schema.js';
import { SubjectSchema } from '../subject/subject-schema.js';
import { EXAMPLE_ELECTION, PHASE_TIMES } from './__fixtures__/example-election.js';
import { BUILTIN_RULE_SETS } from './builtin/builtin-rule-sets.js';
import { compileRules } from './compile-rules.js';
import { evaluateItem } from './evaluate-item.js';
import { mediaSpanImage, type MediaText } from './media-text.js';

const compiled = compileRules(BUILTIN_RULE_SETS, EXAMPLE_ELECTION)._unsafeUnwrap();
const asn = SubjectSchema.parse({ id: 'asn-001', name: 'Yudha Pratama', category: 'asn', accounts: [{ platform: 'x', handle: 'yudhapw_guru' }] });
const blob = 'b'.repeat(64);

/** OCR words laid out left to right on one line, 20 px per character. */
function mediaText(text: string): MediaText {
  const words = [...text.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length, box: { x: 100 + match.index * 20, y: 40, width: match[0].length * 20, height: 30 } }));
  return { mediaIndex: 0, blobSha256: blob, text, words };
}

describe('text read from images (media_text)', () => {
  const item = ItemSchema.parse({ platform: 'x', id: 'p9', kind: 'post', author: { handle: 'yudhapw_guru' }, createdAt: PHASE_TIMES.campaign, text: 'Selamat pagi', media: [{ type: 'photo', blobSha256: blob }] });

  it('is read by the rules like the post text; the span names the image and the box of its words', () => {
    const findings = evaluateItem(compiled, { item, subject: asn, evidence: { captureId: 'cap-1', rawBlobs: [] }, now: PHASE_TIMES.campaign, mediaTexts: [mediaText('Dukung Pak Arman Coblos No. 1')] });
    expect(findings.length).toBeGreaterThan(0);
    const finding = findings[0]!;
    expect(FindingSchema.parse(finding)).toBeTruthy();
    const span = finding.spans.find((entry) => entry.field === 'media_text.0' && entry.text === 'Pak Arman');
    expect(span).toBeDefined();
    // "Pak Arman" starts at offset 7 and runs 9 characters: x = 100 + 7·20, width = 9·20.
    expect(span!.image).toEqual({ blobSha256: blob, box: { x: 240, y: 40, width: 180, height: 30 } });
  });

  it('gives an image finding an id of its own, and changes nothing when no image text is given', () => {
    const withImage = evaluateItem(compiled, { item: { ...item, text: 'Dukung Pak Arman' }, subject: asn, evidence: { captureId: 'cap-1', rawBlobs: [] }, now: PHASE_TIMES.campaign, mediaTexts: [mediaText('Dukung Pak Arman')] });
    const textOnly = evaluateItem(compiled, { item: { ...item, text: 'Dukung Pak Arman' }, subject: asn, evidence: { captureId: 'cap-1', rawBlobs: [] }, now: PHASE_TIMES.campaign });
    const emptyList = evaluateItem(compiled, { item: { ...item, text: 'Dukung Pak Arman' }, subject: asn, evidence: { captureId: 'cap-1', rawBlobs: [] }, now: PHASE_TIMES.campaign, mediaTexts: [] });
    expect(emptyList).toEqual(textOnly);
    expect(textOnly.every((finding) => finding.spans.every((span) => span.image === undefined))).toBe(true);
    const imageIds = withImage.filter((finding) => finding.spans.some((span) => span.image)).map((finding) => finding.id);
    expect(imageIds.length).toBeGreaterThan(0);
    for (const id of imageIds) expect(textOnly.map((finding) => finding.id)).not.toContain(id);
  });

  it('finds no box for a span outside every word', () => {
    expect(mediaSpanImage(mediaText('Coblos No. 1'), 40, 45)).toBeUndefined();
  });
});
