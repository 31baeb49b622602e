// The example election and subjects live in @sipansos/testkit, the single source shared with the
// simulated platform world, so `sipansos init` writes the same regency the demo runs against.
// Everything there is invented: the regency, the candidates and the accounts do not exist.
export { EXAMPLE_CONTEXT, EXAMPLE_SUBJECTS } from '@sipansos/testkit';

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
