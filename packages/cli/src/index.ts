/**
 * The `sipansos` command line as a library: run it in-process (tests, scripts) with your own io.
 *
 * @packageDocumentation
 */
export { main, CLI_VERSION } from './main.js';
export { processIo, type CliIo } from './cli-io.js';
export { EXIT, printError, type CliCommand } from './command.js';
export { COMMANDS } from './commands/index.js';
export { CliConfigSchema, type CliConfig } from './config/config-schema.js';
export { loadConfig, type LoadedConfig } from './config/load-config.js';
