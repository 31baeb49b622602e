import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordKind } from '@sipansos/core/evidence';
import { createFsStore } from '../src/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const childSource = path.join(here, 'crash-child.ts');

/**
 * How to start the child. Bundling it once with esbuild (already installed as tsx's
 * dependency) makes each trial start in a fraction of the time `--import tsx` takes; when
 * esbuild cannot be found, the child runs through tsx.
 */
export async function prepareChild(outDir: string): Promise<string[]> {
  try {
    const requireFromRoot = createRequire(import.meta.url);
    const requireFromTsx = createRequire(requireFromRoot.resolve('tsx/package.json'));
    // Typed locally: esbuild is no declared dependency here, only tsx's.
    const esbuild = requireFromTsx('esbuild') as { build(options: Record<string, unknown>): Promise<unknown> };
    const outfile = path.join(outDir, 'crash-child.mjs');
    await esbuild.build({
      entryPoints: [childSource],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      conditions: ['sipansos-source'],
      logLevel: 'silent',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    return [outfile];
  } catch {
    return ['--conditions=sipansos-source', '--import', 'tsx', childSource];
  }
}

/** What one trial saw. */
export interface CrashTrial {
  acknowledged: Array<{ kind: RecordKind; id: string; seq: number; entryHash: string }>;
  blobs: string[];
  killedAfterMs: number;
}

/** Start the child on `dir`, kill it with SIGKILL `delayMs` after it is ready, and collect its acknowledgements. */
export function runCrashTrial(childArgs: string[], dir: string, delayMs: number): Promise<CrashTrial> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...childArgs, dir, '32'], { cwd: path.resolve(here, '../../..'), stdio: ['ignore', 'pipe', 'pipe'] });
    const trial: CrashTrial = { acknowledged: [], blobs: [], killedAfterMs: delayMs };
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const parts = line.split(' ');
        if (parts[0] === 'ready' && !timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        else if (parts[0] === 'ack') trial.acknowledged.push({ kind: parts[1] as RecordKind, id: parts[2]!, seq: Number(parts[3]), entryHash: parts[4]! });
        else if (parts[0] === 'blob') trial.blobs.push(parts[1]!);
        else if (parts[0] === 'error') reject(new Error(`child could not open the store: ${line}`));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      // A partial last line was never fully reported, so it does not count as acknowledged.
      if (signal === 'SIGKILL') resolve(trial);
      else reject(new Error(`child exited on its own (code ${code}, signal ${signal}): ${stderr.slice(0, 2000)}`));
    });
  });
}

/** Open the store after a crash and compare it with what the child had acknowledged. */
export async function checkAfterCrash(dir: string, trial: CrashTrial): Promise<{ missing: string[]; problems: unknown[]; damaged: unknown[]; recovered: number }> {
  const store = createFsStore({ dir });
  const opened = await store.open();
  if (opened.isErr()) return { missing: [`open failed: ${JSON.stringify(opened.error)}`], problems: [], damaged: [], recovered: 0 };
  const missing: string[] = [];
  for (const ack of trial.acknowledged) {
    const found = (await store.get(ack.kind, ack.id))._unsafeUnwrap();
    if (!found || found.seq !== ack.seq || found.entryHash !== ack.entryHash) missing.push(`${ack.kind} ${ack.id} (seq ${ack.seq})`);
  }
  for (const sha of trial.blobs) {
    const blob = await store.getBlob(sha);
    if (blob.isErr()) missing.push(`blob ${sha}: ${blob.error.type}`);
  }
  const report = (await store.verify())._unsafeUnwrap();
  await store.close();
  return { missing, problems: report.problems, damaged: opened.value.damaged, recovered: opened.value.recovered.length };
}
