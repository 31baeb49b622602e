import { z } from 'zod';

/** A duration such as "90s", "30m", "2h" or "1h30m". */
export const DurationTextSchema = z
  .string()
  .regex(/^(\d+h)?(\d+m)?(\d+s)?$/, { message: 'write a duration such as "90s", "30m", "2h" or "1h30m"' })
  .refine((value) => value.length > 0 && value !== '0s' && /[1-9]/.test(value), { message: 'the duration must be longer than zero, e.g. "30m"' });

/** `sipansos.config.json`: where an office keeps its files. Paths are relative to the config file. */
export const CliConfigSchema = z.object({
  /** The office name, shown on reports and letters. */
  office: z.string().min(1).default('Bawaslu Kabupaten'),
  /**
   * The city of the office's seat, printed before a letter's date ("Lembah Harapan, 5 Oktober
   * 2024"); `sipansos letter --city` overrides it. Leave out to read it from the office name.
   */
  seat: z.string().trim().min(1).max(100).optional(),
  store: z.object({ dir: z.string().min(1).default('store') }).default({ dir: 'store' }),
  /**
   * The office's Ed25519 signing key (PEM), kept outside the store directory. `null` says on
   * purpose that checkpoints go unsigned; a key that is named but missing is an error.
   */
  signingKey: z.string().min(1).nullable().default('keys/office-ed25519.pem'),
  /**
   * The office's ECDSA P-384 key (PEM) that signs WACZ exports (WACZ signing needs ECDSA, not
   * Ed25519); `sipansos export-wacz` creates it on first use.
   */
  waczSigningKey: z.string().min(1).default('keys/office-wacz-p384.pem'),
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
  /** How `sipansos run` runs cycles. */
  monitor: z
    .object({
      /** Time between cycle starts for `sipansos run` without `--once`, e.g. "30m", "2h". */
      every: DurationTextSchema.default('30m'),
      /** A cycle's deadline: work a rate limit would push past it is deferred to the next cycle. */
      deadline: DurationTextSchema.default('10m'),
      /** Accounts of one platform captured at the same time (the adapter still keeps to its rate limits). */
      concurrencyPerPlatform: z.number().int().min(1).max(64).default(4),
      /** Pages read per capture; leave out for the adapter's default. */
      maxPages: z.number().int().min(1).max(1000).optional(),
      /** Download media of new posts into the store. */
      fetchMedia: z.boolean().default(true),
      /** Scopes per platform, e.g. { "x": ["profile", "timeline"] }; leave out for every scope the adapter supports. */
      scopes: z.record(z.string(), z.array(z.enum(['profile', 'timeline', 'likes', 'follows']))).optional(),
    })
    .default({ every: '30m', deadline: '10m', concurrencyPerPlatform: 4, fetchMedia: true }),
  /**
   * Trusted time (RFC 3161): every signed checkpoint is sent to each TSA, and each token is kept.
   * A TSA that fails is recorded and asked again at the next checkpoint; it never stops a cycle.
   * Leave out to sign checkpoints with the office clock only.
   */
  timestamp: z
    .object({
      /** Time-stamp authorities, e.g. ["https://freetsa.org/tsr"]. */
      tsaUrls: z.array(z.url({ protocol: /^https?$/, message: 'write the TSA address as an http(s) URL' })).min(1, { message: 'name at least one TSA URL, or leave "timestamp" out' }),
      /** PEM files of the TSA root certificates the office trusts (paths relative to this file). */
      trustAnchors: z.array(z.string().min(1)).min(1, { message: 'name the PEM file of each TSA root certificate you trust' }),
      /** Extra PEM files of intermediate certificates, when a TSA's token does not carry them. */
      intermediates: z.array(z.string().min(1)).default([]),
      /** Deadline of one request to one TSA, in milliseconds. */
      timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
      /** Further attempts after a network error, timeout or 5xx. */
      retries: z.number().int().min(0).max(5).default(2),
    })
    .optional(),
});
export type CliConfig = z.infer<typeof CliConfigSchema>;
