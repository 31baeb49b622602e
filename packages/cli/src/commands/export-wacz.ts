import path from 'node:path';
import type { Capture } from '@sipansos/core';
import { bundleToZip, checkpointTimestamps, coversSameTree, ensureCheckpointCovers, keyIdOf, type BundleTimestamp } from '@sipansos/core/evidence';
import { collectCaseEvidence, exportAuditEntry } from '@sipansos/core/report';
import type { EvidenceStoreV1, InclusionProofV1, StoredRecordV1 } from '@sipansos/core/spec';
import packageJson from '../../package.json' with { type: 'json' };
import { auditExport, withCaseOffice } from '../cases/case-office.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { NOW_ENVIRONMENT } from '../runtime/environment.js';
import { storeErrorLine } from '../runtime/runtime-error.js';
import { terminalJson, terminalText } from '../runtime/terminal-text.js';
import { commandTimestampSettings } from '../runtime/timestamp-settings.js';
import { writeOutputFile } from '../runtime/write-output.js';
import { buildWacz } from '../wacz/wacz-package.js';
import { loadOrCreateWaczKey, waczPublicKeyOf } from '../wacz/wacz-signature.js';

const USAGE = `sipansos export-wacz <kasus|--all> --out BERKAS.wacz [--json] [--store DIR] [--config F]

Mengekspor bukti sebagai WACZ 1.2.0, format arsip web yang dibaca ReplayWeb.page dan alat
pengarsip lain: setiap respons mentah capture kasus (atau semua capture dengan --all) sebagai
rekaman WARC "response" untuk URL permintaan tanpa token, WARC patroli apa adanya, indeks CDXJ,
daftar halaman, datapackage.json (sha256 dan ukuran setiap berkas) dan datapackage-digest.json
yang ditandatangani (wacz-auth 0.1.0, mode anonim, kunci ECDSA kantor). Folder sipansos/ di
dalamnya mengaitkan setiap rekaman WARC dengan capture, bukti inklusi Merkle, checkpoint
bertanda tangan dan token TSA-nya. Berkas memuat respons mentah tanpa samaran: tangani sebagai
data pribadi.

Exports evidence as WACZ 1.2.0, the web-archive format ReplayWeb.page and other archiving tools
read: every raw response of the case's captures (or of every capture with --all) as a WARC
"response" record for the request URL without tokens, patrol WARCs as recorded, a CDXJ index,
the pages list, datapackage.json (sha256 and size of every file) and a signed
datapackage-digest.json (wacz-auth 0.1.0 anonymous mode, the office's ECDSA key). Its sipansos/
folder ties each WARC record to its capture, Merkle inclusion proof, signed checkpoint and TSA
tokens. The file holds raw responses unmasked: handle it as personal data.

  --all         semua capture di store / every capture in the store
  --out F       berkas .wacz yang ditulis (tidak ditimpa) / the .wacz file to write (never overwritten)
  --json        ringkasan sebagai JSON / summary as JSON
  --store DIR   folder store lain / another store directory
`;

/** `sipansos export-wacz`: a case's (or every) capture as a signed WACZ. */
export const exportWaczCommand: CliCommand = {
  name: 'export-wacz',
  summary: { id: 'ekspor bukti sebagai WACZ bertanda tangan', en: 'export evidence as a signed WACZ' },
  usage: USAGE,
  environment: NOW_ENVIRONMENT,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, { ...CONFIG_OPTION, out: { type: 'string' }, all: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, store: { type: 'string' } }, true);
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values, positionals } = parsed;
    const caseId = positionals[0];
    if ((!caseId && !values.all) || (caseId && values.all) || positionals.length > 1 || !values.out) {
      printError(io, 'sebutkan satu kasus atau --all, dan --out BERKAS.wacz', 'name one case or --all, and --out FILE.wacz');
      return EXIT.usage;
    }
    const out = values.out;
    return withCaseOffice(io, { config: values.config, store: values.store, access: 'write' }, async ({ office, store }) => {
      const at = new Date(io.env.SIPANSOS_NOW ?? Date.now()).toISOString();
      const captures = caseId ? await collectCaseEvidence(store, caseId).map((evidence) => evidence.captures) : await store.query('capture');
      if (captures.isErr()) {
        if (captures.error.type === 'case_not_found') {
          printError(io, `kasus ${caseId ?? ''} tidak ditemukan`, `case ${caseId ?? ''} not found`);
          return EXIT.problem;
        }
        const line = storeErrorLine(captures.error);
        printError(io, line.id, line.en);
        return EXIT.failure;
      }
      const list = captures.value as Array<StoredRecordV1<Capture>>;
      const proofs = await proofsOf(store, list);
      if ('type' in proofs) {
        const line = storeErrorLine(proofs);
        printError(io, line.id, line.en);
        return EXIT.failure;
      }
      const loadedTimestamps = await commandTimestampSettings(io, office.config);
      if ('exitCode' in loadedTimestamps) return loadedTimestamps.exitCode;
      const timestamps = loadedTimestamps.settings;
      const tokens = proofs.checkpoint && timestamps ? await tokensFor(store, [proofs.checkpoint.treeSize, proofs.checkpoint.rootHash]) : [];
      let key;
      try {
        key = await loadOrCreateWaczKey(office.config.resolve(office.config.config.waczSigningKey));
      } catch (error) {
        printError(io, `kunci WACZ tidak terbaca: ${(error as Error).message}`, `cannot read the WACZ key: ${(error as Error).message}`);
        return EXIT.usage;
      }
      const built = await buildWacz({
        title: caseId ? `SIPANSOS — kasus / case ${caseId}` : 'SIPANSOS — semua capture / every capture',
        office: office.config.config.office,
        created: at,
        software: `SIPANSOS sipansos ${packageJson.version}`,
        version: packageJson.version,
        captures: list,
        proofs: proofs.byCapture,
        ...(proofs.checkpoint ? { checkpoint: proofs.checkpoint } : {}),
        ...(proofs.publicKeyPem ? { publicKeyPem: proofs.publicKeyPem } : {}),
        ...(tokens.length > 0 && timestamps ? { timestamps: tokens, tsaTrustAnchors: timestamps.trustAnchors } : {}),
        blob: async (sha256) => (await store.getBlob(sha256)).unwrapOr(undefined),
        key: key.key,
      });
      const zip = bundleToZip(built.files, new Date(at), { stored: built.stored });
      if (zip.isErr()) {
        printError(io, `WACZ tidak dapat dibuat: ${zip.error.message}`, `cannot make the WACZ: ${zip.error.message}`);
        return EXIT.problem;
      }
      const target = path.resolve(io.cwd, out);
      try {
        await writeOutputFile(target, zip.value, { exclusive: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        printError(io, `WACZ tidak dapat ditulis: ${(error as Error).message}`, `cannot write the WACZ: ${(error as Error).message}`);
        return code === 'EEXIST' ? EXIT.usage : EXIT.failure;
      }
      const publicKey = waczPublicKeyOf(key.key);
      const unaudited = await auditExport(io, store, exportAuditEntry({ actor: office.config.config.actor, at, action: 'export.wacz', ...(caseId ? { target: { kind: 'case', id: caseId } } : {}), includePersonalData: true, destination: out, details: { records: built.records, pages: built.pages, captures: list.length, waczPublicKey: publicKey } }));
      if (unaudited !== undefined) return unaudited;
      const summary = { written: out, captures: list.length, records: built.records, pages: built.pages, timestamps: tokens.length, missingBlobs: built.missing, waczPublicKey: publicKey, ...(proofs.checkpoint ? { officeKeyId: keyIdOf(proofs.publicKeyPem ?? '') } : {}) };
      if (values.json) io.stdout.write(`${terminalJson(summary)}\n`);
      else {
        io.stdout.write(`WACZ ditulis ke / written to ${terminalText(out)}: ${list.length} capture, ${built.records} rekaman WARC / WARC records, ${built.pages} halaman / pages, ${tokens.length} token TSA\n`);
        io.stdout.write(`kunci publik WACZ (umumkan bersama id kunci kantor) / WACZ public key (publish it with the office key id): ${publicKey}\n`);
        if (key.created) io.stderr.write(`catatan: kunci WACZ baru dibuat di / note: a new WACZ key was made at ${terminalText(office.config.config.waczSigningKey)}\n`);
        if (built.missing.length > 0) io.stderr.write(`catatan: ${built.missing.length} blob tidak ada di store / note: ${built.missing.length} blobs are not in the store\n`);
      }
      return EXIT.ok;
    });
  },
};

async function proofsOf(store: EvidenceStoreV1, captures: ReadonlyArray<StoredRecordV1<Capture>>) {
  const byCapture = new Map<string, InclusionProofV1>();
  if (!store.proofs) return { byCapture, checkpoint: undefined, publicKeyPem: undefined };
  const covered = await ensureCheckpointCovers(store, captures.map((entry) => entry.id));
  if (covered.isErr()) {
    if (covered.error.type === 'unsupported') return { byCapture, checkpoint: undefined, publicKeyPem: undefined };
    return covered.error;
  }
  for (const entry of captures) {
    const proof = await store.proofs.inclusionProof(entry.id);
    if (proof.isOk()) byCapture.set(entry.id, proof.value);
  }
  const checkpoint = (await store.proofs.latestCheckpoint()).unwrapOr(undefined);
  const publicKeyPem = (await store.proofs.publicKeyPem()).unwrapOr(undefined);
  return { byCapture, checkpoint, publicKeyPem };
}

async function tokensFor(store: EvidenceStoreV1, [treeSize, rootHash]: [number, string]): Promise<BundleTimestamp[]> {
  const listed = await checkpointTimestamps(store);
  if (listed.isErr()) return [];
  const out: BundleTimestamp[] = [];
  for (const details of listed.value.filter((value) => coversSameTree(value, { treeSize, rootHash }))) {
    const token = await store.getBlob(details.tokenSha256);
    if (token.isOk()) out.push({ details, token: token.value });
  }
  return out;
}
