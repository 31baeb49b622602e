import type { CliCommand } from '../command.js';
import { bundleCommand } from './bundle.js';
import { casesCommand } from './cases.js';
import { dbCommand } from './db.js';
import { claimsCommand } from './claims.js';
import { deletionsCommand } from './deletions.js';
import { exportWaczCommand } from './export-wacz.js';
import { findingsCommand } from './findings.js';
import { importCommand } from './import.js';
import { initCommand } from './init.js';
import { patrolCommand } from './patrol.js';
import { letterCommand } from './letter.js';
import { reportCommand } from './report.js';
import { rulesCommand } from './rules.js';
import { runCommand } from './run.js';
import { scanCommand } from './scan.js';
import { serveCommand } from './serve.js';
import { statusCommand } from './status.js';
import { subjectsCommand } from './subjects.js';
import { usersCommand } from './users.js';
import { validateCommand } from './validate.js';
import { verifyBundleCommand } from './verify-bundle.js';
import { verifyCommand } from './verify.js';
import { workerCommand } from './worker.js';

/**
 * Every sub-command, in the order `sipansos --help` lists them. A new command is one file in
 * this folder plus one line here.
 */
export const COMMANDS: CliCommand[] = [initCommand, validateCommand, subjectsCommand, claimsCommand, runCommand, scanCommand, deletionsCommand, statusCommand, verifyCommand, dbCommand, importCommand, patrolCommand, findingsCommand, rulesCommand, casesCommand, reportCommand, letterCommand, bundleCommand, verifyBundleCommand, exportWaczCommand, serveCommand, usersCommand, workerCommand];
