import type { CliCommand } from '../command.js';
import { bundleCommand } from './bundle.js';
import { casesCommand } from './cases.js';
import { deletionsCommand } from './deletions.js';
import { exportWaczCommand } from './export-wacz.js';
import { findingsCommand } from './findings.js';
import { importCommand } from './import.js';
import { initCommand } from './init.js';
import { letterCommand } from './letter.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';
import { scanCommand } from './scan.js';
import { statusCommand } from './status.js';
import { subjectsCommand } from './subjects.js';
import { validateCommand } from './validate.js';
import { verifyBundleCommand } from './verify-bundle.js';
import { verifyCommand } from './verify.js';

/**
 * Every sub-command, in the order `sipansos --help` lists them. A new command is one file in
 * this folder plus one line here.
 */
export const COMMANDS: CliCommand[] = [initCommand, validateCommand, subjectsCommand, runCommand, scanCommand, deletionsCommand, statusCommand, verifyCommand, importCommand, findingsCommand, casesCommand, reportCommand, letterCommand, bundleCommand, verifyBundleCommand, exportWaczCommand];
