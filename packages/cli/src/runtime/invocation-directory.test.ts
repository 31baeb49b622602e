import { mkdtemp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invocationDirectory } from './invocation-directory.js';

describe('invocationDirectory', () => {
  it('uses INIT_CWD when a package script started the process in the package root', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'sipansos-cwd-'));
    const office = path.join(root, 'kantor');
    await mkdir(office);
    const env = { INIT_CWD: office, npm_package_json: path.join(root, 'package.json'), npm_lifecycle_event: 'sipansos' };
    expect(invocationDirectory(env, root)).toBe(office);
  });

  it('ignores an INIT_CWD inherited by a process that runs elsewhere (the bin called from another script)', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'sipansos-cwd-'));
    const elsewhere = path.join(root, 'elsewhere');
    await mkdir(elsewhere);
    const env = { INIT_CWD: path.join(root, 'kantor'), npm_package_json: path.join(root, 'package.json'), npm_lifecycle_event: 'build' };
    expect(invocationDirectory(env, elsewhere)).toBe(elsewhere);
  });

  it('uses the working directory when no package script is involved', () => {
    expect(invocationDirectory({ INIT_CWD: '/somewhere' }, '/work/office')).toBe('/work/office');
    expect(invocationDirectory({}, '/work/office')).toBe('/work/office');
  });
});
