import packageJson from '../package.json' with { type: 'json' };
import type { CliIo } from './cli-io.js';
import { EXIT, EXIT_CODE_HELP, printError, type CliCommand } from './command.js';
import { COMMANDS } from './commands/index.js';
import { environmentHelp } from './runtime/environment.js';

/** The CLI's version, from its package.json. */
export const CLI_VERSION: string = packageJson.version;

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary.id} / ${command.summary.en}`);
  return `sipansos ${CLI_VERSION} — Sistem Informasi Pengawasan Media Sosial

Penggunaan / usage: sipansos <perintah|command> [opsi|options]

Perintah / commands:
${lines.join('\n')}

Opsi umum / common options:
  --help      bantuan / help (also: sipansos <command> --help)
  --version   versi / version
  --debug     tampilkan jejak galat / show stack traces
  --json      (perintah yang mencetak hasil / commands that print results) keluaran JSON / JSON output

${environmentHelp(COMMANDS)}
${EXIT_CODE_HELP}`;
}

/** A command's own help, then the environment it reads and the exit codes. */
export function commandHelp(command: CliCommand): string {
  return `${command.usage.trimEnd()}

${environmentHelp([command])}
${EXIT_CODE_HELP}`;
}

/**
 * Run the CLI with arguments (without `node` and the script). Resolves to the exit code; never
 * throws: unexpected errors become one line, with a stack trace only under `--debug`.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((arg) => arg !== '--debug');
  const first = args[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(generalHelp());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${CLI_VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((entry) => entry.name === first);
  if (!command) {
    printError(io, `perintah tidak dikenal "${first}"; lihat sipansos --help`, `unknown command "${first}"; see sipansos --help`);
    return EXIT.usage;
  }
  const rest = args.slice(1);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  try {
    return await command.run(rest, { ...io, debug });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    printError(io, `kesalahan tak terduga: ${message}`, `unexpected error: ${message}`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.failure;
  }
}
