import { RECORD_KINDS } from '@sipansos/core/evidence';
import { isSnapshotKind, recordTable } from './record-tables.js';

/** One schema change: applied once, in a transaction, recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

function recordTableSql(kind: (typeof RECORD_KINDS)[number]): string {
  const table = recordTable(kind);
  // `line` is the entry's canonical JSON, the bytes the chain hashes; the other columns are
  // indexes derived from it, and verify re-derives them.
  return `
CREATE TABLE ${table} (
  office_id   text     NOT NULL REFERENCES offices (office_id),
  seq         bigint   NOT NULL CHECK (seq > 0),
  id          text     NOT NULL,
  entry_hash  char(64) NOT NULL,
  record_hash char(64) NOT NULL,
  line        text     NOT NULL,
  time_ms     bigint   NOT NULL,
  account_key text,
  item_keys   text[],
  subject_id  text,
  category    text,
  state       text,
  PRIMARY KEY (office_id, seq)
);
${isSnapshotKind(kind) ? `CREATE INDEX ${table}_id ON ${table} (office_id, id, seq);` : `CREATE UNIQUE INDEX ${table}_id ON ${table} (office_id, id);`}
CREATE INDEX ${table}_account ON ${table} (office_id, account_key, seq) WHERE account_key IS NOT NULL;
CREATE INDEX ${table}_subject ON ${table} (office_id, subject_id, seq) WHERE subject_id IS NOT NULL;
CREATE INDEX ${table}_time ON ${table} (office_id, time_ms);
CREATE INDEX ${table}_items ON ${table} USING gin (item_keys);
`;
}

/** Every schema version, oldest first. Never edit a released one: add the next. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'evidence logs, checkpoints, office keys, blobs',
    sql: `
CREATE TABLE offices (
  office_id  text PRIMARY KEY CHECK (office_id ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);
${RECORD_KINDS.map(recordTableSql).join('')}
CREATE TABLE evidence_checkpoint (
  office_id text     NOT NULL REFERENCES offices (office_id),
  n         integer  NOT NULL CHECK (n > 0),
  key_id    char(64) NOT NULL,
  line      text     NOT NULL,
  PRIMARY KEY (office_id, n)
);
CREATE TABLE office_keys (
  office_id  text     NOT NULL REFERENCES offices (office_id),
  key_id     char(64) NOT NULL,
  public_pem text     NOT NULL,
  PRIMARY KEY (office_id, key_id)
);
CREATE TABLE evidence_blob (
  office_id text     NOT NULL REFERENCES offices (office_id),
  sha256    char(64) NOT NULL,
  size      bigint   NOT NULL,
  bytes     bytea    NOT NULL,
  PRIMARY KEY (office_id, sha256)
);
`,
  },
];

/** The schema version this package reads and writes. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
