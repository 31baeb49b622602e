import { z } from 'zod';

/** A duration such as "90s", "30m", "2h" or "1h30m". */
export const DurationTextSchema = z
  .string()
  .regex(/^(\d+h)?(\d+m)?(\d+s)?$/, { message: 'write a duration such as "90s", "30m", "2h" or "1h30m"' })
  .refine((value) => value.length > 0 && value !== '0s' && /[1-9]/.test(value), { message: 'the duration must be longer than zero, e.g. "30m"' });

/** The embedded evidence store in a folder. */
export const FsStoreConfigSchema = z.object({ kind: z.literal('fs').optional(), dir: z.string().min(1).default('store') });

/**
 * The evidence store on PostgreSQL. Secrets stay in the environment: the database password in
 * `PGPASSWORD`, S3 keys in `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`.
 */
export const PostgresStoreConfigSchema = z
  .object({
    kind: z.literal('postgres'),
    url: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: 'write a connection string such as "postgres://sipansos@db.internal:5432/bukti"' })
      .refine((url) => !/^postgres(ql)?:\/\/[^/@]*:[^/@]*@/.test(url), { message: 'the url must not hold a password: set PGPASSWORD in the environment instead' }),
    /** This office's id in the shared database, e.g. "kab-lembah-harapan". */
    office: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, { message: 'lowercase letters, digits, "-" and "_", e.g. "kab-lembah-harapan"' }),
    blobs: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('postgres') }).strict(),
        z
          .object({
            kind: z.literal('s3'),
            endpoint: z.string().regex(/^https?:\/\//, { message: 'write the S3 endpoint as a URL, e.g. "http://127.0.0.1:9000"' }),
            bucket: z.string().min(1),
            region: z.string().min(1).optional(),
            prefix: z.string().optional(),
          })
          .strict(),
      ])
      .default({ kind: 'postgres' }),
  })
  .strict();
export type StoreConfig = z.infer<typeof FsStoreConfigSchema> | z.infer<typeof PostgresStoreConfigSchema>;

/** `sipansos.config.json`: where an office keeps its files. Paths are relative to the config file. */
export const CliConfigSchema = z.object({
  /** The office name, shown on reports and letters. */
  office: z.string().min(1).default('Bawaslu Kabupaten'),
  /**
   * The city of the office's seat, printed before a letter's date ("Lembah Harapan, 5 Oktober
   * 2024"); `sipansos letter --city` overrides it. Leave out to read it from the office name.
   */
  seat: z.string().trim().min(1).max(100).optional(),
  /**
   * Where evidence is kept: the embedded folder store (`{ "dir": "store" }`, the default, no
   * database needed) or PostgreSQL (`{ "kind": "postgres", "url", "office", "blobs" }`).
   */
  store: z.union([FsStoreConfigSchema, PostgresStoreConfigSchema]).default({ dir: 'store' }),
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
      /**
       * How often each scope is read, e.g. { "follows": "24h", "profile": "1h" }; a scope not named
       * is read every cycle. Accounts that waited longest go first.
       */
      scopeEvery: z.partialRecord(z.enum(['profile', 'timeline', 'likes', 'follows']), DurationTextSchema).optional(),
      /**
       * At most this many accounts per cycle read a scope on a platform, e.g.
       * { "x": { "follows": 15, "likes": 75 } }; the rest wait for a later cycle, longest-waiting first.
       */
      scopeBudgets: z.record(z.string(), z.partialRecord(z.enum(['profile', 'timeline', 'likes', 'follows']), z.number().int().min(1))).optional(),
    })
    .default({ every: '30m', deadline: '10m', concurrencyPerPlatform: 4, fetchMedia: true }),
  /**
   * The media step of `sipansos run` (needs `monitor.fetchMedia`): text in stored pictures read
   * with Tesseract and run through the rules, pictures matched against the pairs' own. A queue of
   * its own after each cycle; leave out to turn it off.
   */
  media: z
    .object({
      /** Read text in pictures (Tesseract; `scripts/services/install-tesseract.sh` installs it). */
      ocr: z.boolean().default(true),
      /** Match pictures against the pairs' own (perceptual hashes). */
      match: z.boolean().default(true),
      /** Captures looked at in parallel. */
      concurrency: z.number().int().min(1).max(16).default(1),
      /** How long the media step may run after a cycle; what is left waits for the next one. */
      deadline: DurationTextSchema.default('10m'),
      /** Largest picture read, in bytes. */
      maxBytes: z.number().int().positive().optional(),
      /** Largest picture read, in pixels. */
      maxPixels: z.number().int().positive().optional(),
    })
    .optional(),
  /** How `sipansos patrol` runs the browser (see @sipansos/capture-browser). */
  patrol: z
    .object({
      /** The browser profile the office owns (sessions stay here; created 0700). Keep it out of backups that leave the office. */
      profileDir: z.string().min(1).default('patrol-profile'),
      /** Hosts (and their subdomains) the patrol records; nothing is recorded from other hosts. */
      allowedHosts: z
        .array(z.string().regex(/^[a-z0-9.-]{1,253}$/i, { message: 'write a host name such as "facebook.com", without scheme or path' }))
        .min(1)
        .default(['facebook.com', 'm.facebook.com', 'instagram.com', 'x.com']),
      /** Debian's Chromium. */
      chromium: z.string().min(1).default('/usr/bin/chromium'),
      /** Extra Chromium flags, e.g. the office's "--proxy-server=…". */
      chromiumArgs: z.array(z.string().regex(/^--[a-z0-9-]+(=.*)?$/, { message: 'each flag must look like "--name" or "--name=value"' })).default([]),
      /** Keep every page loaded on an allowed host, not only those kept with the button. */
      recordEveryNavigation: z.boolean().default(false),
      /** Per platform, a post known to stay live: a revisit's "content isn't available" counts only while it loads. */
      controlUrls: z.partialRecord(z.enum(['x', 'facebook', 'instagram']), z.string().regex(/^https:\/\/\S+$/, { message: 'write a full https:// address of a public post' })).default({}),
      /** Requests per host in one revisit session, and the pause before each (milliseconds, plus up to `jitterMs` more). */
      revisit: z
        .object({
          maxRequestsPerHost: z.number().int().min(1).max(1000).default(30),
          delayMs: z.number().int().min(0).max(600_000).default(4000),
          jitterMs: z.number().int().min(0).max(600_000).default(4000),
        })
        .default({ maxRequestsPerHost: 30, delayMs: 4000, jitterMs: 4000 }),
    })
    .default({
      profileDir: 'patrol-profile',
      allowedHosts: ['facebook.com', 'm.facebook.com', 'instagram.com', 'x.com'],
      chromium: '/usr/bin/chromium',
      chromiumArgs: [],
      recordEveryNavigation: false,
      controlUrls: {},
      revisit: { maxRequestsPerHost: 30, delayMs: 4000, jitterMs: 4000 },
    }),
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
