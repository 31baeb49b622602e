import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseJsonText } from '@sipansos/core';
import { decisionDataset, decisionDatasetJsonl, readDecidedFindings, readFindingReviews, replayDecisions, reviewPrecision, type FindingReviewError, type ReviewPrecision } from '@sipansos/core/cases';
import { exportAuditEntry } from '@sipansos/core/report';
import { applyRuleSetOverride, compileRules, isRuleSetOverride, parseRuleSet, parseRuleSetOverride, type RuleSet } from '@sipansos/core/rules';
import { auditExport, withCaseOffice } from '../cases/case-office.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { NOW_ENVIRONMENT } from '../runtime/environment.js';
import { loadContext } from '../runtime/load-context.js';
import { loadRules } from '../runtime/load-rules.js';
import { storeErrorLine } from '../runtime/runtime-error.js';
import { terminalText } from '../runtime/terminal-text.js';
import { writeOutput } from '../runtime/write-output.js';

const USAGE = `sipansos rules stats [--json]
sipansos rules replay --rules FILE [--rules FILE …] [--json]
sipansos rules export-decisions --out FILE

Belajar dari keputusan peninjau / Learn from reviewers' decisions (sipansos findings review).
  stats             presisi per aturan dan per kategori dari keputusan / precision per rule and
                    per category from the decisions (diterima / (diterima + ditolak))
  replay            jalankan ulang aturan yang diusulkan atas butir temuan yang sudah diputuskan:
                    temuan diterima yang hilang dan temuan ditolak yang terhindar / re-run proposed
                    rules over the items of decided findings: accepted findings lost, dismissed avoided
    --rules FILE    set aturan kantor (mengganti set dengan id sama) atau berkas override
                    ({"id","version","overrides":[{"rule","disabled"|"minTerms"|"maxDistance"|"minScore"}]})
                    / an office rule set (replaces the one with its id) or an override file
  export-decisions  dataset berlabel dan tersamarkan (JSONL: teks, label, aturan, kategori), dicatat
                    di log audit / a labelled, masked dataset (JSONL), recorded in the audit log
    --out FILE      berkas tujuan / output file
`;

const ACTIONS = ['stats', 'replay', 'export-decisions'] as const;

/** `sipansos rules`: precision from reviewers' decisions, replay of rule changes, dataset export. */
export const rulesCommand: CliCommand = {
  name: 'rules',
  summary: { id: 'aturan: presisi dari keputusan, uji ulang perubahan, ekspor dataset', en: 'rules: precision from decisions, replay of changes, dataset export' },
  usage: USAGE,
  environment: NOW_ENVIRONMENT,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, { ...CONFIG_OPTION, json: { type: 'boolean', default: false }, rules: { type: 'string', multiple: true }, out: { type: 'string' }, actor: { type: 'string' }, store: { type: 'string' } }, true);
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values, positionals } = parsed;
    const action = positionals[0] as (typeof ACTIONS)[number] | undefined;
    if (!action || !ACTIONS.includes(action) || positionals.length > 1) {
      printError(io, `sebutkan tindakan: ${ACTIONS.join(', ')}`, `name an action: ${ACTIONS.join(', ')}`);
      return EXIT.usage;
    }
    if (action === 'replay' && (values.rules ?? []).length === 0) {
      printError(io, 'replay perlu --rules FILE (set aturan atau override yang diusulkan)', 'replay needs --rules FILE (the proposed rule set or override)');
      return EXIT.usage;
    }
    if (action === 'export-decisions' && !values.out) {
      printError(io, 'export-decisions perlu --out FILE', 'export-decisions needs --out FILE');
      return EXIT.usage;
    }
    return withCaseOffice(io, { config: values.config, store: values.store, access: action === 'export-decisions' ? 'write' : 'read' }, async ({ office, store }) => {
      if (action === 'stats') {
        const ledger = await readFindingReviews(store);
        if (ledger.isErr()) return reviewError(io, ledger.error);
        const { byRule, byCategory } = reviewPrecision(ledger.value);
        if (values.json) {
          io.stdout.write(`${JSON.stringify({ decisions: ledger.value.latest.size, byRule, byCategory })}\n`);
          return EXIT.ok;
        }
        io.stdout.write(`${ledger.value.latest.size} keputusan / decisions\n\nper kategori / per category\n${table(byCategory)}\nper aturan / per rule\n${table(byRule)}`);
        return EXIT.ok;
      }

      const decided = await readDecidedFindings(store);
      if (decided.isErr()) return reviewError(io, decided.error);
      const subjects = office.subjects ?? [];

      if (action === 'export-decisions') {
        const { examples, skipped } = decisionDataset(decided.value, { subjects });
        const out = path.resolve(io.cwd, values.out!);
        const written = await writeOutput(io, out, decisionDatasetJsonl(examples));
        if (written !== undefined) return written;
        const unaudited = await auditExport(
          io,
          store,
          exportAuditEntry({
            actor: values.actor ?? office.config.config.actor,
            at: new Date(io.env.SIPANSOS_NOW ?? Date.now()).toISOString(),
            action: 'export.jsonl',
            target: { kind: 'findings', id: 'decisions' },
            includePersonalData: false,
            destination: values.out!,
            details: { format: 'decisions-jsonl', examples: examples.length, skipped },
          }),
        );
        if (unaudited !== undefined) return unaudited;
        io.stdout.write(`${examples.length} keputusan ditulis ke / decisions written to ${values.out} (tersamarkan / masked)${skipped > 0 ? `; ${skipped} tanpa butir tersimpan / without a stored item` : ''}\n`);
        return EXIT.ok;
      }

      const context = await loadContext(office.config);
      if ('problem' in context) {
        printError(io, context.problem.id, context.problem.en);
        return EXIT.problem;
      }
      const current = await loadRules(office.config, context.context);
      if ('problem' in current) {
        printError(io, current.problem.id, current.problem.en);
        return EXIT.problem;
      }
      const proposedSets = await proposedRuleSets(io, current.ruleSets, values.rules ?? []);
      if (!proposedSets) return EXIT.problem;
      const proposed = compileRules(proposedSets, context.context);
      if (proposed.isErr()) {
        printError(io, `aturan usulan tidak dapat dikompilasi: ${proposed.error.message}`, `the proposed rules do not compile: ${proposed.error.message}`);
        return EXIT.problem;
      }
      const report = replayDecisions(decided.value, { proposed: proposed.value, subjects });
      if (values.json) {
        io.stdout.write(`${JSON.stringify(report)}\n`);
        return EXIT.ok;
      }
      const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
      io.stdout.write(
        `${report.replayed} dari ${report.decided} keputusan diuji ulang / of ${report.decided} decisions replayed\n` +
          `presisi / precision: ${percent(report.precisionBefore)} → ${percent(report.precisionAfter)}\n` +
          `temuan diterima yang HILANG / accepted findings LOST: ${report.lostAccepted.length}\n` +
          report.lostAccepted.map((row) => `  - ${terminalText(row.findingId, 64)}  ${terminalText(row.ruleId, 60)}\n`).join('') +
          `temuan ditolak yang TERHINDAR / dismissed findings AVOIDED: ${report.avoidedDismissed.length}\n` +
          report.avoidedDismissed.map((row) => `  - ${terminalText(row.findingId, 64)}  ${terminalText(row.ruleId, 60)}  "${terminalText(row.reason, 80)}"\n`).join('') +
          (report.unavailable.length > 0 ? `tidak dapat diuji ulang / could not be replayed: ${report.unavailable.length}\n` : ''),
      );
      return EXIT.ok;
    });
  },
};

/** The office's current rule sets with each file applied: a rule set replaces its id, an override changes rules. */
async function proposedRuleSets(io: CliIo, current: readonly RuleSet[], files: readonly string[]): Promise<RuleSet[] | undefined> {
  let sets = [...current];
  for (const relative of files) {
    const file = path.resolve(io.cwd, relative);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      printError(io, `berkas ${file} tidak terbaca (${code})`, `cannot read ${file} (${code})`);
      return undefined;
    }
    const json = parseJsonText(text, file);
    if (json.isOk() && isRuleSetOverride(json.value)) {
      const override = parseRuleSetOverride(text, file);
      const applied = override.isOk() ? applyRuleSetOverride(sets, override.value) : undefined;
      if (!applied || applied.isErr()) {
        const message = override.isErr() ? override.error.message : applied!.isErr() ? applied!.error.message : '';
        printError(io, `override ${file} tidak sah: ${message}`, `invalid override ${file}: ${message}`);
        return undefined;
      }
      sets = applied.value;
      continue;
    }
    const ruleSet = parseRuleSet(text, file);
    if (ruleSet.isErr()) {
      printError(io, `set aturan ${file} tidak sah: ${ruleSet.error.message}`, `invalid rule set ${file}: ${ruleSet.error.message}`);
      return undefined;
    }
    sets = [...sets.filter((entry) => entry.id !== ruleSet.value.id), ruleSet.value];
  }
  return sets;
}

function table(rows: readonly ReviewPrecision[]): string {
  if (rows.length === 0) return '  (belum ada keputusan / no decisions yet)\n';
  const width = Math.max(...rows.map((row) => row.key.length), 8);
  return rows.map((row) => `  ${terminalText(row.key, 80).padEnd(width)}  diterima/accepted ${String(row.accepted).padStart(4)}  ditolak/dismissed ${String(row.dismissed).padStart(4)}  presisi/precision ${row.precision === null ? '—' : row.precision.toFixed(3)}\n`).join('');
}

function reviewError(io: CliIo, error: FindingReviewError): number {
  if (error.type === 'store') {
    const line = storeErrorLine(error.cause);
    printError(io, line.id, line.en);
    return EXIT.failure;
  }
  printError(io, error.message, error.message);
  return EXIT.problem;
}
