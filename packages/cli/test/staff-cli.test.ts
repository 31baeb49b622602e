import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/index.js';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

async function office(options: { example?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-staff-'));
  expect(await main(['init', '.', ...(options.example ? ['--example'] : [])], memoryIo(dir))).toBe(0);
  return dir;
}

async function run(dir: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(dir, env);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('sipansos init', () => {
  it('writes an empty subjects list, so a real list is never mixed with invented people; --example fills it', async () => {
    const plain = await office();
    expect(JSON.parse(await readFile(path.join(plain, 'subjects.json'), 'utf8'))).toEqual([]);
    expect((await run(plain, ['validate', 'subjects.json', 'election.json'])).code).toBe(0);
    const example = await office({ example: true });
    const subjects = JSON.parse(await readFile(path.join(example, 'subjects.json'), 'utf8')) as Array<{ id: string }>;
    expect(subjects.map((subject) => subject.id)).toContain('asn-001');
  });

  it('names the next commands the way the user started it (pnpm sipansos from the workspace, sipansos otherwise)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-staff-'));
    const viaPnpm = memoryIo(dir, { npm_lifecycle_event: 'sipansos' });
    expect(await main(['init', 'kantor'], viaPnpm)).toBe(0);
    expect(viaPnpm.out()).toContain('  pnpm sipansos validate election.json');
    const direct = memoryIo(dir);
    expect(await main(['init', 'lain'], direct)).toBe(0);
    expect(direct.out()).toContain('\n  sipansos validate election.json');
    expect(direct.out()).not.toContain('pnpm sipansos');
  });

  it('--json prints one object per file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-staff-'));
    const result = await run(dir, ['init', 'kantor', '--json']);
    const lines = result.out.trim().split('\n').map((line) => JSON.parse(line) as { file: string; status: string });
    expect(lines.map((line) => path.basename(line.file)).sort()).toEqual(['election.json', 'office-ed25519.pem', 'office-ed25519.pub.pem', 'sipansos.config.json', 'subjects.json']);
    expect(lines.every((line) => line.status === 'created')).toBe(true);
  });
});

describe('the signing key of a writing command', () => {
  const keyFile = (dir: string): string => path.join(dir, 'keys', 'office-ed25519.pem');

  it('a missing key is an error naming the file and the fix, not a note', async () => {
    const dir = await office({ example: true });
    await rm(keyFile(dir));
    const result = await run(dir, ['run', '--once'], { SIPANSOS_X_BEARER_TOKEN: 'token-rekaan' });
    expect(result.code).toBe(1);
    expect(result.err).toContain(`signing key ${keyFile(dir)} does not exist; create one with "sipansos init", or write "signingKey": null`);
  });

  it('a key of another type, a file that is not a key, and a directory are each named for what they are', async () => {
    const dir = await office({ example: true });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await writeFile(keyFile(dir), rsa);
    const other = await run(dir, ['cases', 'open', '--id', 'K-1', '--title', 't', '--capture', 'c', '--reason', 'r']);
    expect(other.code).toBe(1);
    expect(other.err).toContain('is a rsa key, not Ed25519');
    await writeFile(keyFile(dir), 'keys/office-ed25519.pem\n');
    expect((await run(dir, ['run', '--once'])).err).toContain('is not a readable PEM private key');
    await rm(keyFile(dir));
    await mkdir(keyFile(dir));
    expect((await run(dir, ['run', '--once'])).err).toContain('is a directory, not a file');
  });

  it('"signingKey": null in the config runs unsigned on purpose', async () => {
    const dir = await office({ example: true });
    await rm(keyFile(dir));
    const config = JSON.parse(await readFile(path.join(dir, 'sipansos.config.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ ...config, signingKey: null }));
    const result = await run(dir, ['run', '--once']);
    expect(result.err).not.toContain('signing key');
    // It gets as far as the platforms: without a token nothing can be captured.
    expect(result.err).toContain('no platform can be captured');
    expect(result.code).toBe(3);
  });
});

describe('run --once and status when nothing could be captured', () => {
  it('exits 3 when every request failed, and status then lists the skipped accounts and why', async () => {
    const dir = await office({ example: true });
    // Port 9 on 127.0.0.1 refuses connections: every X request fails fast.
    const env = { SIPANSOS_X_BEARER_TOKEN: 'token-rekaan', SIPANSOS_X_BASE_URL: 'http://127.0.0.1:9' };
    const result = await run(dir, ['run', '--once', '--json', '--deadline', '20s'], env);
    expect(result.err).toContain('no account was captured');
    expect(result.code).toBe(3);
    const status = await run(dir, ['status'], env);
    expect(status.code).toBe(0);
    expect(status.out).toContain('dilewati / skipped: ptt-001 instagram:@nurul.fitriana.lh — SIPANSOS_META_ACCESS_TOKEN belum diisi / SIPANSOS_META_ACCESS_TOKEN is not set');
    const json = (await run(dir, ['status', '--json'], env)).out.trim().split('\n').map((line) => JSON.parse(line) as { skipped?: boolean; platform?: string });
    expect(json.filter((line) => line.skipped).map((line) => line.platform)).toContain('facebook');
  }, 120_000);

  it('exits 1 naming the fix when the subjects list is empty', async () => {
    const dir = await office();
    const result = await run(dir, ['run', '--once'], { SIPANSOS_X_BEARER_TOKEN: 'token-rekaan', SIPANSOS_X_BASE_URL: 'http://127.0.0.1:9' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('the subjects list is empty');
  });
});

describe('text from files', () => {
  it('subjects list shows escapes and bidi overrides in names and handles as visible marks, also in --json', async () => {
    const dir = await office();
    await writeFile(path.join(dir, 'subjects.json'), JSON.stringify([{ id: 'asn-9', name: 'Budi\u001b[2J\u202Eilagem', category: 'asn', accounts: [{ platform: 'x', handle: 'budi_9' }] }]));
    const text = await run(dir, ['subjects', 'list']);
    expect(text.out).toContain('Budi\\u{1b}[2J\\u{202e}ilagem');
    expect(text.out).not.toMatch(/[\u001b\u202e]/);
    const json = await run(dir, ['subjects', 'list', '--json']);
    expect(json.out).not.toMatch(/[\u001b\u202e]/);
    expect((JSON.parse(json.out) as { name: string }).name).toBe('Budi\u001b[2J\u202Eilagem');
  });

  it('a subjects file that is not UTF-8 is an error naming the line, in list, run and validate', async () => {
    const dir = await office({ example: true });
    const text = `${JSON.stringify([{ id: 'asn-1', name: 'Budi', category: 'asn', accounts: [] }], null, 2)}\n`.replace('Budi', 'B\u0000di');
    const bytes = Buffer.from(text, 'utf8');
    // A Windows-1252 "é" (0xE9) where the NUL placeholder is, on line 4.
    bytes[bytes.indexOf(0)] = 0xe9;
    await writeFile(path.join(dir, 'subjects.json'), bytes);
    const list = await run(dir, ['subjects', 'list']);
    expect(list.code).toBe(1);
    expect(list.err).toContain('subjects.json:4: not UTF-8 text');
    expect((await run(dir, ['run', '--once'], { SIPANSOS_X_BEARER_TOKEN: 'token-rekaan' })).err).toContain('subjects.json:4: not UTF-8 text');
    const validate = await run(dir, ['validate', 'subjects.json', '--json']);
    expect(validate.code).toBe(1);
    expect(JSON.parse(validate.out)).toMatchObject({ file: 'subjects.json', ok: false, issues: [{ line: 4 }] });
  });
});

describe('--help', () => {
  const sourceOf = async (file: string): Promise<string> => readFile(path.join(path.dirname(fileURLToPath(import.meta.url)), '../src', file), 'utf8');

  it('lists every environment variable a command reads and every exit code', async () => {
    // Where the adapters name the variables they read (settings readers take them as strings).
    const adapterFiles = ['adapter-x/src/x-adapter-settings.ts', 'adapter-facebook/src/facebook-adapter.ts', 'adapter-facebook/src/facebook-web-adapter.ts', 'adapter-instagram/src/instagram-adapter.ts', 'adapter-instagram/src/instagram-web-adapter.ts', 'core/src/adapter/meta-graph-settings.ts'];
    const adapters = await Promise.all(adapterFiles.map((file) => readFile(path.join(path.dirname(fileURLToPath(import.meta.url)), '../..', file), 'utf8')));
    const adapterVariables = new Set(adapters.flatMap((text) => [...text.matchAll(/['"](SIPANSOS_[A-Z_]+)['"]/g)].map((match) => match[1]!)));
    expect(adapterVariables.size).toBeGreaterThan(5);
    for (const command of COMMANDS) {
      const io = memoryIo(process.cwd());
      expect(await main([command.name, '--help'], io)).toBe(0);
      const help = io.out();
      const source = await sourceOf(`commands/${command.name}.ts`);
      const read = new Set([...source.matchAll(/SIPANSOS_[A-Z_]+/g)].map((match) => match[0]));
      if (source.includes('buildAdapters')) for (const name of adapterVariables) read.add(name);
      for (const name of [...read, 'INIT_CWD']) expect(help, `${command.name} --help names ${name}`).toContain(name);
      for (const code of ['0 ', '1 ', '2 ', '3 ', '130 ']) expect(help, `${command.name} --help lists exit ${code}`).toMatch(new RegExp(`\\n  ${code}`));
    }
    const general = memoryIo(process.cwd());
    await main(['--help'], general);
    for (const name of [...adapterVariables, 'SIPANSOS_NOW', 'INIT_CWD']) expect(general.out()).toContain(name);
  });
});
