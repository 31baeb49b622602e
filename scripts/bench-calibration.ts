import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';

/** Figures of this machine, measured in the same process as a benchmark's own. */
export interface BenchCalibration {
  /** A bare `charCodeAt` loop over ASCII text, in MB (10^6 chars) per second. */
  charLoopMbPerS: number;
  /** sha256 over 1 MiB buffers, in MB (10^6 bytes) per second. */
  sha256MbPerS: number;
}

// Best of a few short rounds: the machine is shared, and the best round is the least disturbed.
function bestRate(bytes: number, run: () => void, rounds = 5, minMs = 100): number {
  let best = 0;
  for (let round = 0; round < rounds; round++) {
    let done = 0;
    const start = performance.now();
    do {
      run();
      done += bytes;
    } while (performance.now() - start < minMs);
    best = Math.max(best, done / 1e6 / ((performance.now() - start) / 1000));
  }
  return best;
}

/**
 * Measure the calibration figures. Benchmarks write them beside their results so figures taken on
 * different machines (or on one machine under different load) can be compared as ratios.
 */
export function measureCalibration(): BenchCalibration {
  const text = 'kegiatan desa bersama warga '.repeat(40_000);
  let sink = 0;
  const charLoopMbPerS = bestRate(text.length, () => {
    let sum = 0;
    for (let index = 0; index < text.length; index++) sum += text.charCodeAt(index);
    sink ^= sum;
  });
  const buffer = Buffer.alloc(1 << 20, 7);
  const sha256MbPerS = bestRate(buffer.length, () => {
    sink ^= createHash('sha256').update(buffer).digest()[0]!;
  });
  if (sink === Number.MIN_SAFE_INTEGER) process.stdout.write('');
  return { charLoopMbPerS, sha256MbPerS };
}
