import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskEmployeeNumber, maskPersonalData } from './mask-personal-data.js';

describe('personal-data masking', () => {
  it('masks NIP, NIK, NRP, phone numbers and e-mail addresses in free text', () => {
    const text = 'NIP 198706122010011003, NIK 3201234567890123, NRP: 87050123, hp 0812-3456-7890, wa +6281234567890, surel yudha.guru@contoh.example';
    const masked = maskPersonalData(text);
    expect(masked).not.toMatch(/19870612|32012345|870501|3456|yudha/);
    expect(masked).toContain('NIP ••••••••••••••••03');
    expect(masked).toContain('NRP: ••••••23');
    expect(masked).toContain('surel y•••••••••@••••••.•••••••');
  });

  it('leaves hashes, ids, dates and ballot numbers alone', () => {
    const text = 'sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08, capture cap-2024-11-20-0001, 27/11/2024, nomor 02, Rp 50.000';
    expect(maskPersonalData(text)).toBe(text);
  });

  it('keeps the length so match offsets stay valid', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.constantFrom('198706122010011003', '081234567890', 'a.b@contoh.example', '3201234567890123'), fc.string({ maxLength: 40 }), (before, secret, after) => {
        const text = `${before} ${secret} ${after}`;
        expect(maskPersonalData(text)).toHaveLength(text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('masks an employee number but its last three digits', () => {
    expect(maskEmployeeNumber('198706122010011003')).toBe('•••••••••••••••003');
    expect(maskEmployeeNumber('19870612 201001 1 003')).toBe('•••••••• •••••• • 003');
  });
});
