#!/usr/bin/env node
import { processIo } from './cli-io.js';
import { main } from './main.js';

const controller = new AbortController();
let interrupts = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupts++;
    // First signal: stop gracefully. Second: leave now.
    if (interrupts > 1) process.exit(130);
    controller.abort();
  });
}
const io = processIo();
io.signal = controller.signal;
void main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
