#!/usr/bin/env node
import { processIo } from './cli-io.js';
import { EXIT } from './command.js';
import { COMMANDS } from './commands/index.js';
import { main } from './main.js';

/** How long a command that does not stop by itself gets after the first signal. */
const STOP_GRACE_MS = 1500;

const argv = process.argv.slice(2);
const commandName = argv.find((arg) => arg !== '--debug');
const graceful = COMMANDS.some((command) => command.name === commandName && command.stopsGracefully);
const controller = new AbortController();
let stoppedBy: NodeJS.Signals | undefined;

// Leave with the signal's own status. Re-raising with the default action ends the process even
// while a thread is blocked (a read of a FIFO with no writer), where process.exit() would hang.
function terminate(signal: NodeJS.Signals): void {
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // Second signal: leave now.
    if (stoppedBy) terminate(signal);
    stoppedBy = signal;
    controller.abort();
    if (!graceful) setTimeout(() => terminate(signal), STOP_GRACE_MS).unref();
  });
}

// A reader that went away (`sipansos … | head`) is not an error: stop quietly, like other tools.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      if (stream === process.stdout) controller.abort();
      return;
    }
    throw error;
  });
}

const io = processIo();
io.signal = controller.signal;
void main(argv, io).then((code) => {
  if (stoppedBy && !graceful) process.exitCode = stoppedBy === 'SIGTERM' ? 143 : EXIT.interrupted;
  else process.exitCode = code;
});
