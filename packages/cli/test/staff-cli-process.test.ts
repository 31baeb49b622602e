import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, NODE_SOURCE_ARGS, ROOT, runProcess, sipansos, STACK_TRACE } from './bin-process.js';
import { caseOffice } from './case-office-fixture.js';

// The CLI as staff run it: a separate process, from pnpm or directly, with pipes, signals, a small
// file-descriptor limit and a full disk.

const pnpm = process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['pnpm'];
const scratch: string[] = [];

afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function tempDir(parent = tmpdir()): Promise<string> {
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, 'sipansos-process-'));
  scratch.push(dir);
  return dir;
}

describe('where paths resolve', () => {
  it('pnpm sipansos init kantor && cd kantor && pnpm sipansos subjects import daftar.csv works from a folder inside the clone', async () => {
    // pnpm starts the script in the workspace root; the office folder is where the user stood.
    const base = await tempDir(path.join(ROOT, '.sipansos-tmp'));
    const init = await runProcess(pnpm[0]!, [...pnpm.slice(1), '--silent', 'sipansos', 'init', 'kantor'], { cwd: base });
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const office = path.join(base, 'kantor');
    expect(JSON.parse(await readFile(path.join(office, 'subjects.json'), 'utf8'))).toEqual([]);
    await writeFile(path.join(office, 'daftar.csv'), 'id,name,category,x\nasn-101,Rudi Hartono,asn,rudi_hartono_lh\n');
    const imported = await runProcess(pnpm[0]!, [...pnpm.slice(1), '--silent', 'sipansos', 'subjects', 'import', 'daftar.csv'], { cwd: office });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const listed = await runProcess(pnpm[0]!, [...pnpm.slice(1), '--silent', 'sipansos', 'subjects', 'list', '--json'], { cwd: office });
    expect(listed.stdout.trim().split('\n').map((line) => JSON.parse(line).id)).toEqual(['asn-101']);
  });

  it('the bin run directly uses its own working directory, not an INIT_CWD inherited from an outer script', async () => {
    const base = await tempDir();
    const elsewhere = await tempDir();
    const result = await sipansos(['init', 'kantor'], { cwd: base, env: cleanEnv({ INIT_CWD: elsewhere, npm_package_json: path.join(elsewhere, 'package.json'), npm_lifecycle_event: 'build' }) });
    expect(result.code).toBe(0);
    expect((await readdir(base)).includes('kantor')).toBe(true);
    expect(await readdir(elsewhere)).toEqual([]);
  });
});

describe('a closed pipe', () => {
  it('every printing command stops quietly when its reader goes away (| head)', { timeout: 300_000 }, async () => {
    const dir = await tempDir();
    expect((await sipansos(['init', 'kantor'], { cwd: dir })).code).toBe(0);
    const office = path.join(dir, 'kantor');
    const subjects = Array.from({ length: 6000 }, (_, index) => ({ id: `asn-${index}`, name: `Subjek Rekaan ${index}`, category: 'asn', accounts: [{ platform: 'x', handle: `rekaan_${index}` }] }));
    await writeFile(path.join(office, 'subjects.json'), JSON.stringify(subjects));
    const node = [process.execPath, ...NODE_SOURCE_ARGS, BIN].map((part) => `'${part}'`).join(' ');
    for (const args of ['subjects list', 'subjects list --json', 'validate subjects.json election.json --json', 'run --help']) {
      const result = await runProcess('bash', ['-c', `${node} ${args} | head -c 20 >/dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`], { cwd: office, env: cleanEnv() });
      expect(result.stderr, args).not.toMatch(STACK_TRACE);
      expect(result.stderr, args).toMatch(/exit=(0|1)\n$/);
    }
  });
});

describe('signals', () => {
  function startAndInterrupt(args: string[], cwd: string, afterMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; ms: number }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [...NODE_SOURCE_ARGS, BIN, ...args], { cwd, env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.resume();
      let sentAt = 0;
      const kill = setTimeout(() => child.kill('SIGKILL'), afterMs + 20_000);
      setTimeout(() => {
        sentAt = Date.now();
        child.kill('SIGINT');
      }, afterMs);
      child.on('error', reject);
      // stdin stays open and silent: the command is waiting for input when the signal comes.
      child.on('close', (code, signal) => {
        clearTimeout(kill);
        resolve({ code, signal, stderr, ms: sentAt ? Date.now() - sentAt : -1 });
      });
    });
  }

  // Stopped by the one SIGINT: exit 130 when the command saw it, or ended by the signal when it
  // came while the command was still starting; never left running until the SIGKILL.
  function expectStoppedByFirstSignal(result: { code: number | null; signal: NodeJS.Signals | null; stderr: string; ms: number }): void {
    expect(result.ms).toBeGreaterThan(0);
    expect(result.signal === 'SIGINT' || result.code === 130, JSON.stringify(result)).toBe(true);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  }

  it('scan reading a silent stdin stops on the first Ctrl-C', { timeout: 90_000 }, async () => {
    const dir = await tempDir();
    expect((await sipansos(['init', 'kantor', '--example'], { cwd: dir })).code).toBe(0);
    const result = await startAndInterrupt(['scan', '--context', 'election.json', '--subjects', 'subjects.json', '-'], path.join(dir, 'kantor'), 15_000);
    expectStoppedByFirstSignal(result);
  });

  it('validate on a FIFO nobody writes to stops on the first Ctrl-C', { timeout: 90_000 }, async () => {
    const dir = await tempDir();
    expect((await runProcess('mkfifo', [path.join(dir, 'pipe.json')], { cwd: dir })).code).toBe(0);
    const result = await startAndInterrupt(['validate', 'pipe.json'], dir, 10_000);
    expectStoppedByFirstSignal(result);
  });
});

describe('a small file-descriptor limit and a full disk', () => {
  let office = '';
  beforeAll(async () => {
    // A store that has kept a while of evidence: 1,500 raw bodies besides the case's own.
    office = await caseOffice(await tempDir(), 1500);
    const opened = await sipansos(['cases', 'open', '--id', 'K-2024-001', '--title', 'Dukungan paslon oleh guru', '--finding', 'fnd-0001', '--reason', 'temuan patroli siber'], { cwd: office, env: cleanEnv({ SIPANSOS_NOW: '2024-10-02T03:00:00Z' }) });
    expect(opened.stderr).toBe('');
  }, 120_000);

  it('runs every reading and writing command under ulimit -n 128', async () => {
    const env = cleanEnv({ SIPANSOS_NOW: '2024-10-03T03:00:00Z' });
    for (const args of [['verify'], ['status'], ['deletions'], ['findings'], ['cases', 'list'], ['report', 'K-2024-001', '--out', 'laporan.html'], ['bundle', 'K-2024-001', '--out', 'bundel'], ['verify-bundle', 'bundel'], ['findings', '--format', 'csv', '--out', 'temuan.csv']]) {
      const result = await sipansos(args, { cwd: office, env, shellPrefix: 'ulimit -n 128' });
      expect(`${args.join(' ')} → ${result.code} ${result.stderr}`).toBe(`${args.join(' ')} → 0 `);
    }
  }, 180_000);

  it('a full disk leaves no empty or half-written report, letter or bundle', async () => {
    const env = cleanEnv({ SIPANSOS_NOW: '2024-10-03T03:00:00Z' });
    // Load (and let tsx cache) every module first, so the limit below only meets the outputs.
    expect((await sipansos(['--help'], { cwd: office, env })).code).toBe(0);
    const target = await tempDir();
    // `ulimit -f 16`: no file may grow past 16 KiB, as on a disk that fills up mid-write.
    for (const args of [['report', 'K-2024-001', '--out', path.join(target, 'laporan.html')], ['bundle', 'K-2024-001', '--out', path.join(target, 'bundel')], ['bundle', 'K-2024-001', '--out', path.join(target, 'bundel.zip')]]) {
      const result = await sipansos(args, { cwd: office, env, shellPrefix: 'ulimit -f 16' });
      expect(result.code, args.join(' ')).toBe(3);
      expect(result.stderr).toMatch(/EFBIG/);
      expect(await readdir(target), args.join(' ')).toEqual([]);
    }
  }, 120_000);
});
