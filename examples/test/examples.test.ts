import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Every example runs as a user would run it — a separate Node process reading the sources —
// and must exit 0 with the output it promises. No example touches the network.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

async function example(file: string, args: string[] = []): Promise<string> {
  const { stdout } = await run(process.execPath, ['--conditions=sipansos-source', '--import', 'tsx', path.join(ROOT, 'examples/src', file), ...args], { cwd: ROOT, timeout: 150_000, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

describe('examples', () => {
  it('monitor/offline-cycle runs two cycles against the simulated world and raises findings in the second', async () => {
    const out = await example('monitor/offline-cycle.ts');
    expect(out).toMatch(/^cycle-000001: \d+\/\d+ accounts, \d+ captures/m);
    expect(out).toMatch(/^cycle-000002: .*findings \{"neutrality":\d+/m);
  });

  it('rules/custom-rule-set flags the post using village facilities for a candidate and not the neutral one', async () => {
    const out = await example('rules/custom-rule-set.ts');
    expect(out).toMatch(/^1001: .*desa\.fasilitas_untuk_paslon \(neutrality; UU 10\/2016 tentang Pilkada Ps 71 ayat \(1\)\) on "balai desa"/m);
    expect(out).toMatch(/^1002: no finding$/m);
  });

  it('adapters/custom-adapter passes every scenario of the adapter conformance suite', async () => {
    const out = await example('adapters/custom-adapter.ts');
    expect(out).toContain('✓ post-gone');
    expect(out).toContain('✓ stalled-body');
    expect(out).toMatch(/^17 scenarios passed$/m);
  });

  it('store/store-fs-basics stores once what is appended twice, proves inclusion and verifies', async () => {
    const out = await example('store/store-fs-basics.ts');
    expect(out).toContain('appended twice, stored once: seq 1');
    expect(out).toContain('inclusion proof checks offline');
    expect(out).toContain('verify: intact (1 blobs, 1 records)');
  });

  it('rules/scan-jsonl prints findings as JSON lines and skips the bad line with its number', async () => {
    const lines = (await example('rules/scan-jsonl.ts')).trim().split('\n');
    const findings = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { line: number; category: string });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.line === 1 && finding.category === 'neutrality')).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^line 2 skipped: /));
  });

  it('cases/referral-letter walks a case to rekomendasi and writes the letter', async () => {
    const out = await example('cases/referral-letter.ts');
    expect(out).toMatch(/^case K-2024-001: rekomendasi after 7 transitions$/m);
    expect(out).toContain('"routeCode":"R-ASN"');
    expect(out).toMatch(/letter \(printable HTML\): .*K-2024-001\.html/);
  });

  it('the demo prints its summary as JSON with --json', async () => {
    const summary = JSON.parse(await example('demo/demo.ts', ['--json', '--subjects', '48'])) as Record<string, unknown> & { findings: { total: number }; casesOpened: string[]; storeVerified: boolean; reportHtml?: string; cycles: number };
    expect(summary.cycles).toBe(8);
    expect(summary.findings.total).toBeGreaterThan(0);
    expect(summary.casesOpened.length).toBeGreaterThan(0);
    expect(summary.reportHtml).toMatch(/\.html$/);
    expect(summary.storeVerified).toBe(true);
    // The local TSA (openssl) timestamps the signed checkpoint: its time is not before the office's.
    const checkpoint = summary.checkpoint as { signedAt: string; timestamps: Array<{ tsaUrl: string; genTime: string }> };
    expect(checkpoint.timestamps).toHaveLength(1);
    expect(checkpoint.timestamps[0]?.tsaUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tsa$/);
    expect(Date.parse(checkpoint.timestamps[0]!.genTime)).toBeGreaterThanOrEqual(Math.floor(Date.parse(checkpoint.signedAt) / 1000) * 1000);
  });
});
