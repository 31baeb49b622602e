#!/usr/bin/env node
// A throw-away PostgreSQL cluster for tests and benchmarks: installs Debian's `postgresql` when
// no server binaries are found, runs initdb in a temp folder and pg_ctl on a free loopback port.
//
//   node scripts/services/postgres.mjs start [--json]   prints the URL (or { url, dir, port } as JSON)
//   node scripts/services/postgres.mjs stop DIR         stops that cluster and removes its folder
//   node scripts/services/postgres.mjs restart DIR      restarts that cluster (cuts open connections)
//   node scripts/services/postgres.mjs install          installs Debian's postgresql when missing
//
// initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
// Authentication is `trust` on 127.0.0.1 only: the cluster holds test data and dies with the run.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

const INSTALL_HINT = 'install it with: apt-get install -y postgresql (scripts/services/postgres.mjs does this when run as root)';

function serverBinDir() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) if (existsSync(path.join(root, version, 'bin', 'initdb'))) return path.join(root, version, 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return found.status === 0 ? path.dirname(found.stdout.trim()) : undefined;
}

function ensureInstalled() {
  let bin = serverBinDir();
  if (bin) return bin;
  if (userInfo().uid !== 0) throw new Error(`PostgreSQL server binaries (initdb, pg_ctl) not found; ${INSTALL_HINT}`);
  process.stderr.write('postgres service: installing Debian postgresql\n');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  bin = serverBinDir();
  if (!bin) throw new Error(`apt-get installed postgresql but initdb is still missing; ${INSTALL_HINT}`);
  return bin;
}

/** Run a server binary, as the `postgres` user when we are root. */
function runServerTool(bin, tool, args) {
  const command = path.join(bin, tool);
  const asRoot = userInfo().uid === 0;
  const result = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' }) : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${tool} failed (exit ${result.status}): ${(result.stderr || result.stdout || String(result.error)).trim().slice(0, 2000)}`);
  return result.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Start a new cluster; resolves to `{ url, dir, port }`. */
export async function startPostgres() {
  const bin = ensureInstalled();
  const dir = mkdtempSync(path.join(tmpdir(), 'sipansos-pg-'));
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  runServerTool(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions']);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200 -c fsync=on -c synchronous_commit=on`;
  runServerTool(bin, 'pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', path.join(dir, 'server.log'), '-o', options]);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, port };
}

/** Restart the cluster in `dir` (fast shutdown: open connections are cut), as a server restart would. */
export function restartPostgres(dir) {
  if (!dir || !path.basename(dir).startsWith('sipansos-pg-')) throw new Error(`not a cluster folder made by this script: ${dir}`);
  runServerTool(ensureInstalled(), 'pg_ctl', ['restart', '-w', '-t', '60', '-D', path.join(dir, 'data'), '-m', 'fast', '-l', path.join(dir, 'server.log')]);
}

/** Stop the cluster in `dir` and remove the folder. */
export function stopPostgres(dir) {
  if (!dir || !path.basename(dir).startsWith('sipansos-pg-')) throw new Error(`not a cluster folder made by this script: ${dir}`);
  const data = path.join(dir, 'data');
  if (existsSync(path.join(data, 'postmaster.pid'))) {
    const bin = ensureInstalled();
    runServerTool(bin, 'pg_ctl', ['stop', '-w', '-t', '60', '-D', data, '-m', 'fast']);
  }
  rmSync(dir, { recursive: true, force: true });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const [command, ...rest] = process.argv.slice(2);
  try {
    if (command === 'start') {
      const started = await startPostgres();
      process.stdout.write(rest.includes('--json') ? `${JSON.stringify(started)}\n` : `${started.url}\n# stop: node scripts/services/postgres.mjs stop ${started.dir}\n`);
    } else if (command === 'restart') {
      restartPostgres(rest[0]);
    } else if (command === 'install') {
      process.stdout.write(`${ensureInstalled()}\n`);
    } else if (command === 'stop') {
      stopPostgres(rest[0]);
    } else {
      process.stderr.write('usage: postgres.mjs start [--json] | stop DIR | restart DIR | install\n');
      process.exitCode = 2;
    }
  } catch (error) {
    process.stderr.write(`postgres service: ${error.message}\n`);
    process.exitCode = 1;
  }
}
