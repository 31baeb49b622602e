import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CLAIMS } from './builtin-claims.js';
import { CLAIM_TOPICS, ClaimRegistrySchema } from './claim-schema.js';

const raw: unknown = JSON.parse(readFileSync(new URL('./builtin-claims.json', import.meta.url), 'utf8'));
const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');

describe('built-in claim registry', () => {
  it('passes the registry schema', () => {
    expect(ClaimRegistrySchema.safeParse(raw).success).toBe(true);
  });

  it('holds at least 150 claims with unique ids', () => {
    expect(BUILTIN_CLAIMS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(BUILTIN_CLAIMS.map((claim) => claim.id)).size).toBe(BUILTIN_CLAIMS.length);
  });

  it('cites an https debunk with a real calendar date for every claim', () => {
    for (const claim of BUILTIN_CLAIMS) {
      expect(claim.review.url, claim.id).toMatch(/^https:\/\/[^\s/]+\.[^\s/]+\//);
      const [year, month, day] = claim.review.date.split('-').map(Number) as [number, number, number];
      const date = new Date(Date.UTC(year, month - 1, day));
      expect(date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day, `${claim.id} ${claim.review.date}`).toBe(true);
      expect(year, claim.id).toBeGreaterThanOrEqual(2014);
      expect(claim.review.publisher.trim(), claim.id).not.toBe('');
    }
  });

  it('covers every topic', () => {
    for (const topic of CLAIM_TOPICS) expect(BUILTIN_CLAIMS.filter((claim) => claim.topics.includes(topic)).length, topic).toBeGreaterThanOrEqual(15);
  });

  it('lists every claim source in the README', () => {
    for (const claim of BUILTIN_CLAIMS) expect(readme, claim.id).toContain(`| \`${claim.id}\` | ${claim.review.publisher} | ${claim.review.date} | ${claim.review.url} |`);
  });
});
