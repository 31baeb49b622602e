import { z } from 'zod';

/** The platforms SIPANSOS ships adapters for. Other adapters may declare their own slug. */
export const KNOWN_PLATFORMS = ['x', 'facebook', 'instagram'] as const;
export type KnownPlatform = (typeof KNOWN_PLATFORMS)[number];

/**
 * A platform slug: one of {@link KNOWN_PLATFORMS} or a custom adapter's lowercase slug
 * (e.g. `tiktok`), so an office can add a platform without forking core.
 */
export const PlatformSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, {
    message: 'platform must be a lowercase slug such as "x", "facebook", "instagram" or "tiktok"',
  });
export type Platform = z.infer<typeof PlatformSchema>;

// Handles end up in URLs and, hashed, in file names: refuse anything that could be a path, a
// query or a control sequence rather than trying to clean it.
const HANDLE_PATTERN = /^[\p{L}\p{N}._-]{1,100}$/u;

/**
 * An account handle as shown on the platform, without a leading `@`. Letters, digits, `.`, `_`
 * and `-` only: a path separator, `..`, white space or a control character is rejected.
 */
export const HandleSchema = z
  .string()
  .transform((value) => value.trim().replace(/^@/, ''))
  .pipe(
    z
      .string()
      .min(1, { message: 'handle is empty; write the account name without "@", e.g. "budi_santoso"' })
      .regex(HANDLE_PATTERN, {
        message:
          'handle may hold only letters, digits, ".", "_" and "-" (no "/", "\\", spaces or control characters); write the bare account name, not a URL',
      })
      .refine((value) => !/^\.+$/.test(value), { message: 'handle cannot be "." or ".."' }),
  );

/** A platform's own account id (numeric on X, Facebook and Instagram). */
export const PlatformAccountIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'account id must be 1–64 letters, digits, "_" or "-"' });

/** One account a subject holds on one platform. */
export const AccountSchema = z.object({
  platform: PlatformSchema,
  handle: HandleSchema,
  /** The platform's stable id, once resolved; renames keep it. */
  id: PlatformAccountIdSchema.optional(),
  /** Free-text remark, e.g. "akun kedua" (second account). */
  note: z.string().max(500).optional(),
});
export type Account = z.infer<typeof AccountSchema>;

/**
 * The key SIPANSOS files an account's evidence under: `platform:id` once the id is known,
 * `platform:@handle` (lowercased) before. Keying on the id keeps a renamed account one account.
 */
export function accountKey(account: Pick<Account, 'platform' | 'handle' | 'id'>): string {
  return account.id ? `${account.platform}:${account.id}` : `${account.platform}:@${account.handle.toLowerCase()}`;
}
