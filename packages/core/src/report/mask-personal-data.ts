/**
 * Personal data in exports and reports: employee numbers (NIP 18 digits, NRP 8 digits), the
 * national identity number (NIK, 16 digits), phone numbers and e-mail addresses. They are masked
 * unless the user asks for them (`--include-personal-data`), and the export is audited either way.
 *
 * Masking keeps the text's length (each hidden character becomes `•`, one UTF-16 unit like the
 * ASCII character it replaces), so match spans recorded as offsets still point at the same words.
 */

const MASK = '•';

function maskDigits(found: string, keep: number): string {
  const total = (found.match(/\d/g) ?? []).length;
  let seen = 0;
  return found.replace(/\d/g, (digit) => (++seen > total - keep ? digit : MASK));
}

function maskEmail(found: string): string {
  const at = found.indexOf('@');
  return found[0] + found.slice(1, at).replace(/./g, MASK) + found.slice(at).replace(/[A-Za-z0-9]/g, MASK);
}

/** Patterns of personal data in free text. Guards keep them from firing inside hashes or ids. */
const PATTERNS: Array<{ pattern: RegExp; mask: (found: string) => string }> = [
  // NIP: 18 digits, often grouped 8-6-1-3.
  { pattern: /(?<![0-9A-Za-z])\d{8}[ .-]?\d{6}[ .-]?\d[ .-]?\d{3}(?![0-9A-Za-z])/g, mask: (found) => maskDigits(found, 2) },
  // NIK: 16 digits.
  { pattern: /(?<![0-9A-Za-z])\d{16}(?![0-9A-Za-z])/g, mask: (found) => maskDigits(found, 2) },
  // NRP: 8 digits after the label.
  { pattern: /(?<![0-9A-Za-z])NRP[ .:]*\d{8}(?![0-9A-Za-z])/gi, mask: (found) => maskDigits(found, 2) },
  // Indonesian phone numbers: +62 / 62 / 0, then 8 and 7–11 more digits, with separators.
  { pattern: /(?<![0-9A-Za-z+])(?:\+?62|0)[ .-]?8\d(?:[ .-]?\d){6,10}(?![0-9A-Za-z])/g, mask: (found) => maskDigits(found, 2) },
  // E-mail addresses.
  { pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}(?![A-Za-z])/g, mask: maskEmail },
];

/** Hide personal data in free text, keeping its length: the last two digits stay for reference. */
export function maskPersonalData(text: string): string {
  let out = text;
  for (const { pattern, mask } of PATTERNS) out = out.replace(pattern, mask);
  return out;
}

/** Mask an employee number (NIP/NRP) except its last three digits. */
export function maskEmployeeNumber(value: string): string {
  return maskDigits(value, 3);
}

/** `maskPersonalData` when masking is on, the text unchanged otherwise. */
export function personalDataFilter(includePersonalData: boolean): (text: string) => string {
  return includePersonalData ? (text) => text : maskPersonalData;
}
