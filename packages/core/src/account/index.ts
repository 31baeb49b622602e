export {
  AccountSchema,
  HandleSchema,
  PlatformAccountIdSchema,
  PlatformSchema,
  KNOWN_PLATFORMS,
  accountKey,
  type Account,
  type KnownPlatform,
  type Platform,
} from './account-schema.js';
