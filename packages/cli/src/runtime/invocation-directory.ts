import { realpathSync } from 'node:fs';
import path from 'node:path';

function sameDirectory(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/**
 * The directory the user ran the command in, against which file arguments and the config resolve.
 *
 * `pnpm sipansos …` (and `npm run`) start the script in the package's root and pass the user's
 * directory as `INIT_CWD`. That variable is inherited by everything below a script, so it is
 * trusted only while the process still sits in the directory of the package whose script started
 * it (`npm_package_json`); the published bin run directly, or from a script that changed
 * directory, uses its own working directory.
 */
export function invocationDirectory(env: Record<string, string | undefined>, cwd: string): string {
  const initCwd = env.INIT_CWD;
  const packageJson = env.npm_package_json;
  if (!initCwd || !packageJson || !path.isAbsolute(initCwd) || !env.npm_lifecycle_event) return cwd;
  return sameDirectory(path.dirname(packageJson), cwd) ? initCwd : cwd;
}
