import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputDirectory, writeOutputFile } from './write-output.js';

describe('writeOutputFile / writeOutputDirectory', () => {
  it('replaces a file whole and leaves no temporary file beside it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-out-'));
    const target = path.join(dir, 'laporan.html');
    await writeFile(target, 'lama');
    await writeOutputFile(target, 'baru');
    expect(await readFile(target, 'utf8')).toBe('baru');
    expect(await readdir(dir)).toEqual(['laporan.html']);
  });

  it('with exclusive, refuses an existing file and keeps it as it was', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-out-'));
    const target = path.join(dir, 'bundel.zip');
    await writeFile(target, 'lama');
    await expect(writeOutputFile(target, 'baru', { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(target, 'utf8')).toBe('lama');
    expect(await readdir(dir)).toEqual(['bundel.zip']);
  });

  it('a directory that fails half-way is removed, and a non-empty target is refused', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-out-'));
    await expect(
      writeOutputDirectory(path.join(dir, 'bundel'), async (temporary) => {
        await writeFile(path.join(temporary, 'a.txt'), 'a');
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readdir(dir)).toEqual([]);
    await mkdir(path.join(dir, 'penuh'));
    await writeFile(path.join(dir, 'penuh', 'lama.txt'), 'x');
    await expect(writeOutputDirectory(path.join(dir, 'penuh'), async (temporary) => writeFile(path.join(temporary, 'b.txt'), 'b'))).rejects.toMatchObject({ code: expect.stringMatching(/ENOTEMPTY|EEXIST/) });
    expect(await readdir(dir)).toEqual(['penuh']);
    expect(await readdir(path.join(dir, 'penuh'))).toEqual(['lama.txt']);
  });
});
