import { readFile } from 'node:fs/promises';
import { parseSubjectsFile, type ElectionContext, type Subject } from '@sipansos/core';
import { type CompiledRules } from '@sipansos/core/rules';
import { type EvidenceStoreV1, type PlatformAdapterV1 } from '@sipansos/core/spec';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../command.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { buildAdapters } from './build-adapters.js';
import { createConfiguredStore } from './configured-store.js';
import { loadContext } from './load-context.js';
import { loadRules } from './load-rules.js';
import { loadSigningKey } from './signing-key.js';
import { decodeUtf8, utf8Problem } from './utf8-text.js';
import { configErrorLine, storeErrorLine, type BilingualLine } from './runtime-error.js';
import { printStoreRecovery, readOnlyStoreLine } from './store-integrity.js';
import { servedStoreLine } from './serve-marker.js';

/** Why a command cannot start: one line and the exit code. */
export interface OfficeFailure {
  exitCode: number;
  line: BilingualLine;
}

/** What a command asks for. Only what it needs is read, so `status` works without a token. */
export interface OfficeNeeds {
  context?: boolean;
  /** `optional`: read them when the file is there and valid, go on without them otherwise. */
  subjects?: boolean | 'optional';
  rules?: boolean;
  adapters?: boolean;
  /** Open the store as the writer (`write`) or as one of many readers (`read`). */
  store?: 'write' | 'read';
  /** For `--store DIR`: use a folder store in this directory instead of the config's store. */
  storeDir?: string;
}

/** What {@link openOffice} can open, each part when asked for. */
interface OfficeParts {
  context: ElectionContext;
  /** With `subjects: 'optional'`, empty when the file is missing or invalid. */
  subjects: Subject[];
  rules: CompiledRules;
  adapters: PlatformAdapterV1[];
  /** Open; the caller closes it. */
  store: EvidenceStoreV1;
  /** The store's folder, or `postgres <office> @ <url>`. */
  storeDir: string;
}

/** The parts a set of needs opens (rules need the context, so it comes along). */
type AskedParts<N extends OfficeNeeds> =
  | (N['context'] extends true ? 'context' : never)
  | (N['subjects'] extends true | 'optional' ? 'subjects' : never)
  | (N['rules'] extends true ? 'rules' | 'context' : never)
  | (N['adapters'] extends true ? 'adapters' : never)
  | (N['store'] extends 'write' | 'read' ? 'store' | 'storeDir' : never);

/** The office's files, opened: exactly the parts asked for in `N` are present. */
export type Office<N extends OfficeNeeds = OfficeNeeds> = Pick<OfficeParts, AskedParts<N>> & {
  config: LoadedConfig;
  /** Things the user should know (a platform skipped for want of a token, no signing key). */
  notes: BilingualLine[];
};

const fail = (exitCode: number, id: string, en: string): OfficeFailure => ({ exitCode, line: { id, en } });

async function readText(file: string, what: BilingualLine): Promise<string | OfficeFailure> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return fail(EXIT.problem, `${what.id} ${file} tidak terbaca (${code})`, `cannot read ${what.en} ${file} (${code})`);
  }
  const decoded = decodeUtf8(bytes);
  if ('invalidLine' in decoded) return fail(EXIT.problem, utf8Problem(file, decoded.invalidLine).id, utf8Problem(file, decoded.invalidLine).en);
  return decoded.text;
}

/**
 * Read `sipansos.config.json` and what it points to: the election context, the subjects, the
 * rule sets, the store (with the office signing key) and the adapters (tokens and base URLs
 * from the environment, so any API-compatible server can stand in for a platform).
 */
export async function openOffice<const N extends OfficeNeeds>(io: CliIo, configPath: string, needs: N): Promise<Office<N> | OfficeFailure> {
  const loaded = await loadConfig(configPath, io.cwd);
  if (loaded.isErr()) {
    const line = configErrorLine(loaded.error);
    return { exitCode: EXIT.problem, line };
  }
  const config = loaded.value;
  const office: Partial<OfficeParts> & Office<Record<never, never>> = { config, notes: [] };
  if (needs.context || needs.rules) {
    const loadedContext = await loadContext(config);
    if ('problem' in loadedContext) return { exitCode: EXIT.problem, line: loadedContext.problem };
    office.context = loadedContext.context;
  }
  if (needs.subjects) {
    const file = config.resolve(config.config.subjects);
    const text = await readText(file, { id: 'daftar subjek', en: 'subjects file' });
    const parsed = typeof text === 'string' ? parseSubjectsFile(text, file) : undefined;
    if (needs.subjects === 'optional') {
      office.subjects = parsed?.isOk() ? parsed.value : [];
    } else {
      if (typeof text !== 'string') return text;
      if (!parsed || parsed.isErr()) return fail(EXIT.problem, `daftar subjek tidak sah: ${parsed?.error.message}`, `invalid subjects file: ${parsed?.error.message}`);
      office.subjects = parsed.value;
    }
  }
  if (needs.rules && office.context) {
    const loadedRules = await loadRules(config, office.context);
    if ('problem' in loadedRules) return { exitCode: EXIT.problem, line: loadedRules.problem };
    office.rules = loadedRules.rules;
  }
  if (needs.adapters) {
    const built = buildAdapters(config.config, io.env);
    if (built.problems[0]) return { exitCode: EXIT.problem, line: built.problems[0] };
    office.notes.push(...built.notes);
    office.adapters = built.adapters;
  }
  if (needs.store) {
    let signingKeyPem: string | undefined;
    if (needs.store === 'write') {
      const key = await loadSigningKey(config);
      if ('problem' in key) return { exitCode: EXIT.problem, line: key.problem };
      signingKeyPem = key.pem;
      if (signingKeyPem === undefined) {
        office.notes.push({
          id: 'penandatanganan dimatikan di konfigurasi ("signingKey": null): checkpoint tidak ditandatangani',
          en: 'signing is switched off in the config ("signingKey": null): checkpoints are not signed',
        });
      }
    }
    let store: EvidenceStoreV1;
    let where: string;
    try {
      // A writer signs a checkpoint over every log when it closes, when anything changed.
      ({ store, where } = await createConfiguredStore(config, { access: needs.store, checkpointOnClose: needs.store === 'write', ...(needs.storeDir ? { storeDir: needs.storeDir } : {}), ...(signingKeyPem ? { signingKeyPem } : {}) }));
    } catch (error) {
      return fail(EXIT.problem, `store tidak dapat dibuat: ${(error as Error).message}`, `cannot create the store: ${(error as Error).message}`);
    }
    const opened = await store.open();
    if (opened.isErr()) {
      const served = opened.error.type === 'locked' ? await servedStoreLine(where, opened.error.holder.pid) : undefined;
      return { exitCode: EXIT.failure, line: served ?? storeErrorLine(opened.error) };
    }
    if (needs.store === 'write') printStoreRecovery(io, opened.value);
    if (opened.value.readOnly && needs.store === 'write') {
      await store.close();
      return { exitCode: EXIT.failure, line: readOnlyStoreLine(opened.value) };
    }
    office.store = store;
    office.storeDir = where;
  }
  // Each branch above fills the parts its need asks for, or returns a failure.
  return office as Office<N>;
}

/** Whether {@link openOffice} failed. */
export function isOfficeFailure<O extends object>(value: O | OfficeFailure): value is OfficeFailure {
  return 'exitCode' in value;
}
