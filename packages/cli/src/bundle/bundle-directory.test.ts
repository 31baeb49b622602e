import { mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sha256Hex } from '@sipansos/core/evidence';
import { describe, expect, it } from 'vitest';
import { readBundleDirectory, writeBundleDirectory } from './bundle-directory.js';

const encoder = new TextEncoder();

describe('bundle directory', () => {
  it('reads the files verifyBundle reads as bytes, hashes blobs and the report without holding them, and skips links', async () => {
    const blob = encoder.encode('isi mentah / raw body');
    const files = new Map([
      ['records/case.jsonl', encoder.encode('{"a":1}\n')],
      [`blobs/sha256/${sha256Hex(blob)}`, blob],
      ['report.html', encoder.encode('<!DOCTYPE html><title>laporan</title>')],
    ]);
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'sipansos-bundle-dir-')), 'bundel');
    expect(await writeBundleDirectory(dir, files)).toBeUndefined();
    await symlink('/etc/hostname', path.join(dir, 'tautan'));
    const read = await readBundleDirectory(dir);
    if ('type' in read) throw new Error(read.message);
    expect(read.skipped).toEqual(['tautan']);
    expect(read.files.get('records/case.jsonl')).toEqual(files.get('records/case.jsonl'));
    expect(read.files.get(`blobs/sha256/${sha256Hex(blob)}`)).toEqual({ sha256: sha256Hex(blob), size: blob.byteLength });
    expect(read.files.get('report.html')).toEqual({ sha256: sha256Hex(files.get('report.html')!), size: files.get('report.html')!.byteLength });
  });
});
