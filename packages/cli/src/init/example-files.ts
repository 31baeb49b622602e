// The example election and subjects live in @sipansos/core, the single source shared with the
// testkit's simulated world, so `sipansos init` writes the same regency the demo runs against
// without loading the testkit (msw) at run time. Everything there is invented.
export { EXAMPLE_CONTEXT, EXAMPLE_SUBJECTS } from '@sipansos/core';

/** The config `sipansos init` writes. */
export const EXAMPLE_CONFIG = {
  office: 'Bawaslu Kabupaten Lembah Harapan',
  seat: 'Lembah Harapan',
  store: { dir: 'store' },
  signingKey: 'keys/office-ed25519.pem',
  context: 'election.json',
  subjects: 'subjects.json',
  rules: [] as string[],
  actor: 'petugas',
};
