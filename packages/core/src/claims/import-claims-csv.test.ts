import { describe, expect, it } from 'vitest';
import { ClaimSchema } from './claim-schema.js';
import { importClaimsCsv } from './import-claims-csv.js';

const header = 'id,klaim,putusan,tautan,penerbit,tanggal,topik';

describe('importClaimsCsv', () => {
  it('reads Indonesian headers, several wordings and topics', () => {
    const csv = `${header}
kotak-suara-sungai,"Kotak suara TPS 3 dibuang ke sungai | kotak suara hanyut sengaja dibuang",Hoaks,https://cekfakta.example.org/a,Cek Fakta Contoh,2024-02-20,counting|organisers
`;
    const claims = importClaimsCsv(csv)._unsafeUnwrap();
    expect(claims).toHaveLength(1);
    expect(ClaimSchema.safeParse(claims[0]).success).toBe(true);
    expect(claims[0]).toMatchObject({
      id: 'kotak-suara-sungai',
      wordings: ['Kotak suara TPS 3 dibuang ke sungai', 'kotak suara hanyut sengaja dibuang'],
      verdict: 'false',
      topics: ['counting', 'organisers'],
      review: { url: 'https://cekfakta.example.org/a', publisher: 'Cek Fakta Contoh', date: '2024-02-20' },
    });
  });

  it('reads English headers and derives an id when there is none', () => {
    const csv = `wording,verdict,url,publisher,date
Ballot boxes were thrown into the river after counting at one polling station,misleading,https://factcheck.example.org/b,Example Checks,2024-03-01
`;
    const [claim] = importClaimsCsv(csv)._unsafeUnwrap();
    expect(claim!.verdict).toBe('misleading');
    expect(claim!.id).toMatch(/^[a-z0-9-]+$/);
  });

  it('says which required column is missing', () => {
    const error = importClaimsCsv('klaim,putusan,tautan,penerbit\nsesuatu yang salah sekali,Salah,https://a.example.org/x,Contoh\n', { source: 'kantor.csv' })._unsafeUnwrapErr();
    expect(error.source).toBe('kantor.csv');
    expect(error.message).toMatch(/date|tanggal/);
  });

  it('names the row and column of a bad cell, and of a duplicate id', () => {
    const csv = `${header}
a-satu,Kotak suara TPS 3 dibuang ke sungai,Salah,https://cekfakta.example.org/a,Contoh,20/02/2024,counting
a-dua,Surat suara dicoblos duluan oleh petugas,Salah,http://cekfakta.example.org/b,Contoh,2024-02-21,counting
a-dua,Surat suara dicoblos duluan oleh petugas lain,Benar,https://cekfakta.example.org/c,Contoh,2024-02-22,counting
`;
    const error = importClaimsCsv(csv)._unsafeUnwrapErr();
    const at = error.issues.map((issue) => issue.path);
    expect(at.some((path) => path.includes('row 2') && path.includes('tanggal'))).toBe(true);
    expect(at.some((path) => path.includes('row 3') && path.includes('tautan'))).toBe(true);
    expect(at.some((path) => path.includes('row 4') && path.includes('putusan'))).toBe(true);
  });

  it('names the row of a duplicate id and the row it first appeared on', () => {
    const csv = `${header}
a-dua,Surat suara dicoblos duluan oleh petugas,Salah,https://cekfakta.example.org/b,Contoh,2024-02-21,counting
a-dua,Surat suara dicoblos duluan oleh petugas lain,Keliru,https://cekfakta.example.org/c,Contoh,2024-02-22,counting
`;
    const [issue] = importClaimsCsv(csv)._unsafeUnwrapErr().issues;
    expect(issue!.path).toContain('row 3');
    expect(issue!.message).toContain('row 2');
  });

  it('asks for topics when it cannot tell them from the wording', () => {
    const error = importClaimsCsv('wording,verdict,url,publisher,date\nSomething odd happened somewhere last week,false,https://a.example.org/x,Example,2024-01-02\n')._unsafeUnwrapErr();
    expect(error.issues[0]!.path).toContain('topics');
    expect(error.issues[0]!.message).toContain('voting_process');
  });

  it('reports a broken quote instead of throwing', () => {
    const result = importClaimsCsv(`${header}\na,"Kotak suara dibuang,Salah,https://x.example.org/a,Contoh,2024-02-20,counting\n`);
    expect(result.isErr()).toBe(true);
  });

  it('refuses an empty file', () => {
    expect(importClaimsCsv('').isErr()).toBe(true);
  });
});
