import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_VERSION, main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'sipansos-cli-'));
}

describe('sipansos --help / --version', () => {
  it('lists the commands in Indonesian and English and prints the version', async () => {
    const io = memoryIo(process.cwd());
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Perintah / commands:');
    expect(io.out()).toMatch(/init\s+buat folder kerja kantor .* \/ create an office working folder/);
    const version = memoryIo(process.cwd());
    expect(await main(['--version'], version)).toBe(0);
    expect(version.out().trim()).toBe(CLI_VERSION);
  });

  it('rejects an unknown command with exit 2 and one bilingual line', async () => {
    const io = memoryIo(process.cwd());
    expect(await main(['bogus'], io)).toBe(2);
    expect(io.err()).toBe('galat: perintah tidak dikenal "bogus"; lihat sipansos --help / error: unknown command "bogus"; see sipansos --help\n');
  });
});

describe('sipansos init', () => {
  it('writes a config, a valid example context and subjects, and a private key readable only by the owner', async () => {
    const dir = await tempDir();
    const io = memoryIo(dir);
    expect(await main(['init', 'office'], io)).toBe(0);
    const key = await stat(path.join(dir, 'office', 'keys', 'office-ed25519.pem'));
    expect(key.mode & 0o777).toBe(0o600);
    const check = memoryIo(path.join(dir, 'office'));
    expect(await main(['validate', 'election.json', 'subjects.json', 'sipansos.config.json'], check)).toBe(0);
    expect(check.out()).toContain('OK election.json');
  });

  it('never overwrites a file the office already has', async () => {
    const dir = await tempDir();
    await main(['init', '.'], memoryIo(dir));
    await writeFile(path.join(dir, 'subjects.json'), '[]\n');
    const keyBefore = await readFile(path.join(dir, 'keys', 'office-ed25519.pem'), 'utf8');
    const io = memoryIo(dir);
    expect(await main(['init', '.'], io)).toBe(0);
    expect(await readFile(path.join(dir, 'subjects.json'), 'utf8')).toBe('[]\n');
    expect(await readFile(path.join(dir, 'keys', 'office-ed25519.pem'), 'utf8')).toBe(keyBefore);
    expect(io.out()).toContain('sudah ada, dibiarkan / exists, left as is');
  });
});

describe('sipansos validate', () => {
  it('prints every problem with its path and exits 1', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'subjects.json'),
      JSON.stringify([{ id: 'a-1', name: 'Ani', category: 'guru', accounts: [{ platform: 'x', handle: 'ani/../../x' }] }]),
    );
    const io = memoryIo(dir);
    expect(await main(['validate', 'subjects.json'], io)).toBe(1);
    expect(io.out()).toContain('SALAH / INVALID subjects.json');
    expect(io.out()).toContain('0.category: category must be one of: asn');
    expect(io.out()).toContain('0.accounts.0.handle: handle may hold only letters');
  });

  it('reports a truncated JSON file with line and column, never a stack trace', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'election.json'), '{\n  "id": "x",\n  "candidatePairs": [\n');
    const io = memoryIo(dir);
    expect(await main(['validate', 'election.json'], io)).toBe(1);
    expect(io.out()).toMatch(/election\.json:4:1 \(root\): the JSON ends too early/);
    expect(io.out() + io.err()).not.toMatch(/\n\s+at /);
  });

  it('checks subjects CSV files and reports the row', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'subjects.csv'), 'id,name,category\nok,Budi,asn\nbad,Sari,guru\n');
    const io = memoryIo(dir);
    expect(await main(['validate', 'subjects.csv'], io)).toBe(1);
    expect(io.out()).toContain('subjects.csv baris 3, kolom C "category": kategori "guru" tidak dikenal');
  });

  it('needs at least one file and a known --kind', async () => {
    expect(await main(['validate'], memoryIo(process.cwd()))).toBe(2);
    expect(await main(['validate', '--kind', 'nope', 'x.json'], memoryIo(process.cwd()))).toBe(2);
  });
});
