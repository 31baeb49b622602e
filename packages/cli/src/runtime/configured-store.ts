import type { EvidenceStoreV1 } from '@sipansos/core/spec';
import { createFsStore } from '@sipansos/store-fs';
import type { LoadedConfig } from '../config/load-config.js';

/** How a command opens the office store. */
export interface ConfiguredStoreOptions {
  /** `write`: the office's writer; `read`: one of many readers. */
  access: 'write' | 'read';
  signingKeyPem?: string;
  /** `--store DIR`: a folder store in DIR instead of the config's store. */
  storeDir?: string;
  /** Sign a checkpoint over every log on close when anything changed. @default false */
  checkpointOnClose?: boolean;
}

/** A store built from the config (not opened yet) and how to name it to the user. */
export interface ConfiguredStore {
  store: EvidenceStoreV1;
  /** The folder, or `postgres <office> @ <url without password>`. */
  where: string;
}

/**
 * Build the store the config names: the folder store (the default, no database), or the
 * PostgreSQL store, loaded only when configured so an office on the folder store never loads
 * a database client. Secrets come from the environment (PGPASSWORD, AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY). Throws a TypeError for settings the store refuses.
 */
export async function createConfiguredStore(config: LoadedConfig, options: ConfiguredStoreOptions): Promise<ConfiguredStore> {
  const settings = config.config.store;
  const signing = options.signingKeyPem ? { signingKeyPem: options.signingKeyPem } : {};
  if (options.storeDir !== undefined || settings.kind !== 'postgres') {
    const dir = config.resolve(options.storeDir ?? (settings as { dir: string }).dir);
    return { store: createFsStore({ dir, readOnly: options.access === 'read', checkpointOnClose: options.checkpointOnClose === true, actor: config.config.actor, ...signing }), where: dir };
  }
  const { createPostgresStore, createS3BlobStore } = await import('@sipansos/store-postgres');
  const blobs = settings.blobs.kind === 's3' ? createS3BlobStore({ endpoint: settings.blobs.endpoint, bucket: settings.blobs.bucket, ...(settings.blobs.region ? { region: settings.blobs.region } : {}), ...(settings.blobs.prefix !== undefined ? { prefix: settings.blobs.prefix } : {}) }) : 'postgres';
  const store = createPostgresStore({ url: settings.url, office: settings.office, blobs, readOnly: options.access === 'read', checkpointOnClose: options.checkpointOnClose === true, ...signing });
  return { store, where: `postgres ${settings.office} @ ${settings.url}` };
}
