/** Why the patrol could not do something. "The post is gone" is an observation, never one of these. */
export type PatrolError =
  | {
      /** Chromium is not installed where the settings say. */
      type: 'browser_missing';
      message: string;
      executablePath: string;
    }
  | {
      /** Chromium or its profile could not be started (profile locked by another window, bad flags). */
      type: 'launch';
      message: string;
    }
  | {
      /** The page is on a host the office does not allow: nothing was recorded. */
      type: 'not_allowed';
      message: string;
      url: string;
    }
  | {
      /** The page could not be opened or read. */
      type: 'navigation';
      message: string;
      url: string;
    };

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]!.slice(0, 500) : String(error).slice(0, 500);
}
