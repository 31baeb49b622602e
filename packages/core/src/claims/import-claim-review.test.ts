import { describe, expect, it } from 'vitest';
import { ClaimSchema } from './claim-schema.js';
import { importClaimReviews } from './import-claim-review.js';

const review = (overrides: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://cekfakta.example.org/2024/02/hoaks-kotak-suara-dibuang',
  claimReviewed: 'Kotak suara dari TPS Desa Sukamaju dibuang ke sungai setelah penghitungan',
  author: { '@type': 'Organization', name: 'Cek Fakta Contoh' },
  datePublished: '2024-02-20T09:15:00+07:00',
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'akun anonim' } },
  reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'Salah' },
  inLanguage: 'id',
  ...overrides,
});

describe('importClaimReviews', () => {
  it('reads one ClaimReview into a valid claim', () => {
    const result = importClaimReviews(review());
    const claims = result._unsafeUnwrap();
    expect(claims).toHaveLength(1);
    const [claim] = claims;
    expect(ClaimSchema.safeParse(claim).success).toBe(true);
    expect(claim).toMatchObject({
      wordings: ['Kotak suara dari TPS Desa Sukamaju dibuang ke sungai setelah penghitungan'],
      verdict: 'false',
      review: { url: 'https://cekfakta.example.org/2024/02/hoaks-kotak-suara-dibuang', publisher: 'Cek Fakta Contoh', date: '2024-02-20' },
      language: 'id',
    });
    expect(claim!.id).toMatch(/^cr-[0-9a-f]{16}$/);
    expect(claim!.topics.length).toBeGreaterThan(0);
  });

  it('gives the same id when the same review is imported twice', () => {
    expect(importClaimReviews(review())._unsafeUnwrap()[0]!.id).toBe(importClaimReviews(review())._unsafeUnwrap()[0]!.id);
  });

  it('reads a list and an @graph, and maps rating words to verdicts', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', name: 'not a review' },
        review({ reviewRating: { '@type': 'Rating', alternateName: 'Menyesatkan' } }),
        review({ url: 'https://cekfakta.example.org/b', reviewRating: { '@type': 'Rating', alternateName: 'Missing context' } }),
      ],
    };
    const claims = importClaimReviews(graph)._unsafeUnwrap();
    expect(claims.map((claim) => claim.verdict)).toEqual(['misleading', 'out_of_context']);
    expect(importClaimReviews([review(), review({ url: 'https://cekfakta.example.org/c' })])._unsafeUnwrap()).toHaveLength(2);
  });

  it('uses the given topics when told', () => {
    expect(importClaimReviews(review(), { topics: ['organisers'] })._unsafeUnwrap()[0]!.topics).toEqual(['organisers']);
  });

  it('refuses a document without a ClaimReview', () => {
    const error = importClaimReviews({ '@type': 'NewsArticle', headline: 'x' }, { source: 'berita.jsonld' })._unsafeUnwrapErr();
    expect(error.type).toBe('invalid_claims');
    expect(error.source).toBe('berita.jsonld');
    expect(error.message).toContain('no ClaimReview found');
  });

  it('names the item and field of every problem and says what to write', () => {
    const error = importClaimReviews([
      review(),
      review({ url: 'http://cekfakta.example.org/x', author: undefined }),
      review({ claimReviewed: undefined, itemReviewed: undefined }),
      review({ datePublished: 'kemarin sore' }),
    ])._unsafeUnwrapErr();
    const paths = error.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['[1].url', '[1].author.name', '[2].claimReviewed', '[3].datePublished']));
    expect(error.issues.find((issue) => issue.path === '[1].url')!.message).toContain('https://');
  });

  it('refuses a review that rates the claim true, and one whose rating it cannot read', () => {
    const truthy = importClaimReviews(review({ reviewRating: { '@type': 'Rating', alternateName: 'Benar' } }))._unsafeUnwrapErr();
    expect(truthy.issues[0]).toMatchObject({ path: 'reviewRating.alternateName' });
    expect(truthy.issues[0]!.message).toContain('true');
    const unknown = importClaimReviews(review({ reviewRating: { '@type': 'Rating', alternateName: 'Lumayan' } }))._unsafeUnwrapErr();
    expect(unknown.issues[0]!.path).toBe('reviewRating.alternateName');
  });
});
