import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';
import { API_POST_TEXT, API_URL, PATROL_PAGE_URL, waczOffice } from './wacz-office-fixture.js';

const exec = promisify(execFile);

// An independent check of the WACZ: Python's zipfile, gzip and hashlib read it, and openssl
// checks the ECDSA signature (converted from IEEE P1363 to DER by hand); nothing of SIPANSOS.
const INDEPENDENT_CHECK = String.raw`
import base64, gzip, hashlib, json, subprocess, sys, tempfile, zipfile, os
z = zipfile.ZipFile(sys.argv[1])
out = {"problems": []}
dp_bytes = z.read("datapackage.json")
dp = json.loads(dp_bytes)
out["wacz_version"] = dp["wacz_version"]
for r in dp["resources"]:
    data = z.read(r["path"])
    if "sha256:" + hashlib.sha256(data).hexdigest() != r["hash"] or len(data) != r["bytes"]:
        out["problems"].append("resource " + r["path"])
    if r["path"].startswith("archive/") and z.getinfo(r["path"]).compress_type != zipfile.ZIP_STORED:
        out["problems"].append("compressed " + r["path"])
listed = {r["path"] for r in dp["resources"]} | {"datapackage.json", "datapackage-digest.json"}
out["unlisted"] = sorted(set(z.namelist()) - listed)
digest = json.loads(z.read("datapackage-digest.json"))
out["digest_matches"] = digest["hash"] == "sha256:" + hashlib.sha256(dp_bytes).hexdigest() == digest["signedData"]["hash"]
sig = base64.b64decode(digest["signedData"]["signature"])
half = len(sig) // 2
def der_int(b):
    b = b.lstrip(b"\x00") or b"\x00"
    if b[0] & 0x80: b = b"\x00" + b
    return b"\x02" + bytes([len(b)]) + b
body = der_int(sig[:half]) + der_int(sig[half:])
der = b"\x30" + bytes([len(body)]) + body
tmp = tempfile.mkdtemp()
open(os.path.join(tmp, "sig.der"), "wb").write(der)
open(os.path.join(tmp, "pub.der"), "wb").write(base64.b64decode(digest["signedData"]["publicKey"]))
open(os.path.join(tmp, "msg"), "wb").write(digest["signedData"]["hash"].encode())
r = subprocess.run(["openssl", "dgst", "-sha256", "-verify", os.path.join(tmp, "pub.der"), "-keyform", "DER", "-signature", os.path.join(tmp, "sig.der"), os.path.join(tmp, "msg")], capture_output=True, text=True)
out["openssl"] = r.stdout.strip() + r.stderr.strip()
out["records"] = []
for line in z.read("indexes/index.cdxj").decode().splitlines():
    surt, ts, js = line.split(" ", 2)
    e = json.loads(js)
    data = z.read("archive/" + e["filename"])[int(e["offset"]):int(e["offset"]) + int(e["length"])]
    raw = gzip.decompress(data) if e["filename"].endswith(".gz") else data
    head, _, rest = raw.partition(b"\r\n\r\n")
    http_head, _, payload = rest.partition(b"\r\n\r\n")
    n = int([h for h in http_head.split(b"\r\n") if h.lower().startswith(b"content-length:")][0].split(b":")[1])
    payload = payload[:n]
    out["records"].append({"url": e["url"], "ts": ts, "warc": head.split(b"\r\n")[0].decode(), "digest_ok": e["digest"] == "sha256:" + hashlib.sha256(payload).hexdigest(), "text": payload.decode("utf-8", "replace")})
print(json.dumps(out))
`;

let parent = '';
let dir = '';

beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'sipansos-wacz-test-'));
  dir = await waczOffice(parent);
}, 60_000);

afterAll(async () => {
  if (parent) await rm(parent, { recursive: true, force: true });
});

describe('sipansos export-wacz', () => {
  it('writes a WACZ whose digests, signature and WARC records an independent reader accepts', async () => {
    const io = memoryIo(dir, { SIPANSOS_NOW: '2024-10-02T01:00:00Z' });
    const code = await main(['export-wacz', '--all', '--out', 'bukti.wacz', '--json'], io);
    expect(code, io.err()).toBe(0);
    const summary = JSON.parse(io.out()) as { records: number; pages: number; waczPublicKey: string };
    expect(summary).toMatchObject({ records: 2, pages: 2 });
    const { stdout } = await exec('python3', ['-c', INDEPENDENT_CHECK, path.join(dir, 'bukti.wacz')]);
    const report = JSON.parse(stdout) as { problems: string[]; unlisted: string[]; digest_matches: boolean; openssl: string; wacz_version: string; records: Array<{ url: string; ts: string; warc: string; digest_ok: boolean; text: string }> };
    expect(report.problems).toEqual([]);
    expect(report.unlisted).toEqual([]);
    expect(report.digest_matches).toBe(true);
    expect(report.openssl).toContain('Verified OK');
    expect(report.wacz_version).toBe('1.2.0');
    expect(report.records.map((record) => record.url).sort()).toEqual([API_URL, PATROL_PAGE_URL].sort());
    expect(report.records.every((record) => record.warc === 'WARC/1.1' && record.digest_ok)).toBe(true);
    expect(report.records.find((record) => record.url === API_URL)).toMatchObject({ ts: '20241001030000' });
    expect(report.records.find((record) => record.url === API_URL)?.text).toContain(API_POST_TEXT);
  });

  it('ties each WARC record to its capture, inclusion proof and signed checkpoint', async () => {
    const { stdout } = await exec('unzip', ['-p', path.join(dir, 'bukti.wacz'), 'sipansos/manifest.json']);
    const manifest = JSON.parse(stdout) as { records: Array<{ captureId: string; proof?: string; url: string }>; checkpoint?: { treeSize: number } };
    expect(manifest.checkpoint?.treeSize).toBe(2);
    expect(manifest.records.map((record) => [record.captureId, record.proof]).sort()).toEqual([
      ['cap-api-1', 'sipansos/proofs/cap-api-1.json'],
      ['cap-patrol-1', 'sipansos/proofs/cap-patrol-1.json'],
    ]);
    const proof = JSON.parse((await exec('unzip', ['-p', path.join(dir, 'bukti.wacz'), 'sipansos/proofs/cap-api-1.json'])).stdout) as { checkpoint: { rootHash: string } };
    expect(proof.checkpoint.rootHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to overwrite a file, and names a missing case', async () => {
    const again = memoryIo(dir);
    expect(await main(['export-wacz', '--all', '--out', 'bukti.wacz'], again)).toBe(2);
    const missing = memoryIo(dir);
    expect(await main(['export-wacz', 'K-TIDAK-ADA', '--out', 'lain.wacz'], missing)).toBe(1);
    expect(missing.err()).toContain('K-TIDAK-ADA');
    expect((await readFile(path.join(dir, 'bukti.wacz'))).subarray(0, 2).toString()).toBe('PK');
  });
});
