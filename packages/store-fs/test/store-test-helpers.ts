import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RecordKind } from '@sipansos/core/evidence';

/** A fresh temporary directory; removed by the returned cleanup. */
export function temporaryDir(prefix = 'sipansos-store-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An invented office's Ed25519 key pair, as `sipansos init` writes it. */
export function officeKeyPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** Byte offsets [start, end) of each line of a file. */
export function lineRanges(file: string): Array<[number, number]> {
  const data = readFileSync(file);
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (let index = 0; index < data.length; index++) {
    if (data[index] === 10) {
      ranges.push([start, index]);
      start = index + 1;
    }
  }
  if (start < data.length) ranges.push([start, data.length]);
  return ranges;
}

/** Flip one bit of the byte at `offset` in a file. */
export function flipBit(file: string, offset: number, bit = 0): void {
  const data = readFileSync(file);
  data[offset] = data[offset]! ^ (1 << bit);
  writeFileSync(file, data);
}

/** Change one byte inside the record of entry `seq` of a kind's log (as an editor would). */
export function tamperLogEntry(dir: string, kind: RecordKind, seq: number): void {
  const file = path.join(dir, 'logs', `${kind}.jsonl`);
  const range = lineRanges(file)[seq - 1];
  if (!range) throw new Error(`no entry ${seq} in ${file}`);
  const line = readFileSync(file).subarray(range[0], range[1]).toString('latin1');
  flipBit(file, range[0] + line.indexOf('"record":') + 12);
}
