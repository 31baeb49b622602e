import type { MonitorProgressEvent } from '@sipansos/core';

/**
 * A one-line progress bar for a terminal: redrawn in place on each finished account. Returns a
 * listener and a function that ends the line.
 */
export function progressBar(write: (text: string) => void, width = 30): { onProgress: (event: MonitorProgressEvent) => void; end: () => void } {
  let drawn = false;
  const draw = (done: number, total: number, label: string): void => {
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    write(`\r[${bar}] ${done}/${total} akun / accounts ${label.slice(0, 40).padEnd(40)}`);
    drawn = true;
  };
  return {
    onProgress(event) {
      if (event.type === 'cycle_started') draw(0, event.accounts, event.cycleId);
      if (event.type === 'account_finished') draw(event.done, event.total, event.accountKey);
    },
    end() {
      if (drawn) write('\n');
      drawn = false;
    },
  };
}
