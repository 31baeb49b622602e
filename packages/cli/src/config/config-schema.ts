import { z } from 'zod';

/** `sipansos.config.json`: where an office keeps its files. Paths are relative to the config file. */
export const CliConfigSchema = z.object({
  /** The office name, shown on reports and letters. */
  office: z.string().min(1).default('Bawaslu Kabupaten'),
  store: z.object({ dir: z.string().min(1).default('store') }).default({ dir: 'store' }),
  /** The office's Ed25519 signing key (PEM), kept outside the store directory. */
  signingKey: z.string().min(1).default('keys/office-ed25519.pem'),
  context: z.string().min(1).default('election.json'),
  subjects: z.string().min(1).default('subjects.json'),
  /** Extra rule-set files, added to (or replacing, by id) the built-in rule sets. */
  rules: z.array(z.string().min(1)).default([]),
  /** Who the CLI records as the actor in the audit log. */
  actor: z.string().min(1).default('petugas'),
  platforms: z
    .object({
      x: z.object({ enabled: z.boolean().default(true) }).default({ enabled: true }),
      facebook: z.object({ enabled: z.boolean().default(true) }).default({ enabled: true }),
      instagram: z.object({ enabled: z.boolean().default(true) }).default({ enabled: true }),
    })
    .default({ x: { enabled: true }, facebook: { enabled: true }, instagram: { enabled: true } }),
});
export type CliConfig = z.infer<typeof CliConfigSchema>;
