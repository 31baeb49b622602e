import type { Result } from 'neverthrow';

/** What an example's failure carries: a `type` (every SIPANSOS error has one) and words. */
export interface ExampleError {
  type: string;
  message?: string;
}

/**
 * Run an example: await its `Result`, print the value on success, and on failure print the
 * error's `type`, what was being done, and its message, then exit non-zero. An exception (a
 * bug, not a platform or input problem) is reported the same way as type `exception`.
 *
 * @param what what the example was asked to do, e.g. "one monitoring cycle against the simulated world"
 */
export async function run<T>(what: string, main: () => PromiseLike<Result<T, ExampleError>>): Promise<void> {
  try {
    const result = await main();
    if (result.isOk()) {
      if (result.value !== undefined) process.stdout.write(`${typeof result.value === 'string' ? result.value : JSON.stringify(result.value, null, 2)}\n`);
      return;
    }
    const { type, message } = result.error;
    process.stderr.write(`galat / error [${type}] — ${what}: ${message ?? JSON.stringify(result.error)}\n`);
  } catch (error) {
    process.stderr.write(`galat / error [exception] — ${what}: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exitCode = 1;
}
