import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AUTHORITY_OUTCOMES,
  CASE_STATES,
  ROUTE_CODES,
  VIOLATION_TYPES,
  caseDeadlines,
  casesToCsv,
  casesToJsonl,
  createCaseWorkflow,
  exportAuditEntry,
  maskCase,
  type AuthorityOutcome,
  type CaseError,
  type CaseState,
  type CaseWorkflow,
  type RouteCode,
  type SubjectCategory,
  type ViolationType,
} from '@sipansos/core';
import type { ResultAsync } from 'neverthrow';
import { caseErrorLine } from '../cases/case-error-line.js';
import { withCaseOffice, type CaseOffice } from '../cases/case-office.js';
import type { CaseSettings } from '../cases/case-settings.js';
import { caseDetails, caseLine } from '../cases/case-text.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, printError, type CliCommand } from '../command.js';
import { CONFIG_OPTION, parseCommandArgs } from '../runtime/cli-options.js';
import { storeErrorLine } from '../runtime/runtime-error.js';

const USAGE = `sipansos cases <list|show|open|move|note|respond|remind|export> ...

Menangani kasus sesuai prosedur Bawaslu: temuan → kajian awal → registrasi (atau tidak
diregistrasi) → klarifikasi → kajian → pelanggaran / bukan pelanggaran → rekomendasi/penerusan →
tindak lanjut → selesai. Setiap perpindahan dicatat di log audit (petugas, waktu, alasan).
Handles cases by Bawaslu's procedure; every move goes to the audit log (actor, time, reason).

  cases list [--state S] [--overdue] [--reminders] [--json] [--include-personal-data]
  cases show <id> [--json] [--include-personal-data]
  cases open --id K --title T (--finding F ... | --capture C ...) [--subject S] --reason R
             [--origin temuan|laporan] [--discovered ISO] [--election pilkada|pemilu]
  cases move <id> <state> --reason R [--violation-type T] [--route R-...] [--kajian TEXT|--kajian-file F]
             [--letter-number N] [--sent-at ISO] [--expected-version N]
  cases note <id> --text T
  cases respond <id> --outcome ${AUTHORITY_OUTCOMES.join('|')} [--answered-at ISO] [--sanction S] [--reference R] [--summary T]
  cases remind <id> [--note T]
  cases export --format csv|jsonl --out FILE [--include-personal-data]

  states / status: ${CASE_STATES.join(', ')}
  violation types / jenis pelanggaran: ${VIOLATION_TYPES.join(', ')}
  --actor NAME   petugas yang dicatat / actor recorded (default: config "actor")
  --config F     berkas konfigurasi / config file (default sipansos.config.json)

Pengaturan kantor (opsional) di samping konfigurasi / office settings beside the config:
routing.json (rute rujukan), deadlines.json (hari libur, batas waktu), templates/<jenis>.json.
`;

const OPTIONS = {
  ...CONFIG_OPTION,
  actor: { type: 'string' },
  json: { type: 'boolean', default: false },
  state: { type: 'string' },
  overdue: { type: 'boolean', default: false },
  reminders: { type: 'boolean', default: false },
  id: { type: 'string' },
  title: { type: 'string' },
  finding: { type: 'string', multiple: true },
  capture: { type: 'string', multiple: true },
  subject: { type: 'string' },
  reason: { type: 'string' },
  origin: { type: 'string' },
  discovered: { type: 'string' },
  election: { type: 'string' },
  'violation-type': { type: 'string' },
  route: { type: 'string' },
  kajian: { type: 'string' },
  'kajian-file': { type: 'string' },
  'letter-number': { type: 'string' },
  'sent-at': { type: 'string' },
  'expected-version': { type: 'string' },
  text: { type: 'string' },
  outcome: { type: 'string' },
  'answered-at': { type: 'string' },
  sanction: { type: 'string' },
  reference: { type: 'string' },
  summary: { type: 'string' },
  note: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  'include-personal-data': { type: 'boolean', default: false },
  store: { type: 'string' },
} as const;

const READ_ONLY = new Set(['list', 'show']);

/** `sipansos cases`: the case workflow from the command line; every change goes to the audit log. */
export const casesCommand: CliCommand = {
  name: 'cases',
  summary: { id: 'kasus: buka, pindahkan, catat, batas waktu, jawaban instansi', en: 'cases: open, move, note, deadlines, authority responses' },
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(args, io, OPTIONS, true);
    if ('exitCode' in parsed) return parsed.exitCode;
    const { values, positionals } = parsed;
    const [action, ...rest] = positionals;
    const known = ['list', 'show', 'open', 'move', 'note', 'respond', 'remind', 'export'];
    if (!action || !known.includes(action)) {
      printError(io, `sebutkan tindakan: ${known.join(', ')}`, `name an action: ${known.join(', ')}`);
      return EXIT.usage;
    }
    return withCaseOffice(io, { config: values.config, store: values.store, access: READ_ONLY.has(action) ? 'read' : 'write' }, async ({ office, store, settings }) => {
      const now = () => new Date(io.env.SIPANSOS_NOW ?? Date.now());
      const workflow = createCaseWorkflow({ store, routing: settings.routing, deadlines: settings.deadlines, now });
      const actor = values.actor ?? office.config.config.actor;
      const context: ActionContext = { io, office, settings, workflow, actor, now, values, rest };
      switch (action) {
        case 'list':
          return await list(context);
        case 'show':
          return await show(context);
        case 'export':
          return await exportCases(context);
        default:
          return await change(context, action);
      }
    });
  },
};

type Values = Extract<ReturnType<typeof parseCommandArgs<typeof OPTIONS>>, { values: unknown }>['values'];

interface ActionContext {
  io: CliIo;
  office: CaseOffice['office'];
  settings: CaseSettings;
  workflow: CaseWorkflow;
  actor: string;
  now: () => Date;
  values: Values;
  rest: string[];
}

function failed(io: CliIo, error: CaseError): number {
  const { line, exitCode } = caseErrorLine(error);
  printError(io, line.id, line.en);
  return exitCode;
}

async function list({ io, workflow, settings, values, now }: ActionContext): Promise<number> {
  if (values.state && !(CASE_STATES as readonly string[]).includes(values.state)) {
    printError(io, `--state harus salah satu dari ${CASE_STATES.join(', ')}`, `--state must be one of ${CASE_STATES.join(', ')}`);
    return EXIT.usage;
  }
  if (values.reminders) {
    const due = await workflow.remindersDue();
    if (due.isErr()) return failed(io, due.error);
    for (const entry of due.value) {
      if (values.json) io.stdout.write(`${JSON.stringify({ id: entry.case.id, sentAt: entry.sentAt, waitingSince: entry.waitingSince, daysWaiting: entry.daysWaiting, reminders: entry.reminderCount })}\n`);
      else io.stdout.write(`${entry.case.id}  perlu pengingat / reminder due: menunggu ${entry.daysWaiting} hari sejak / waiting ${entry.daysWaiting} days since ${entry.waitingSince} (pengingat ke-${entry.reminderCount + 1})\n`);
    }
    if (!values.json) io.stdout.write(`${due.value.length} kasus perlu pengingat / cases need a reminder\n`);
    return EXIT.ok;
  }
  if (values.overdue) {
    const overdue = await workflow.overdue();
    if (overdue.isErr()) return failed(io, overdue.error);
    for (const entry of overdue.value) {
      if (values.json) io.stdout.write(`${JSON.stringify({ id: entry.case.id, state: entry.case.state, overdue: entry.overdue })}\n`);
      else io.stdout.write(caseLine(entry.case, entry.overdue));
    }
    if (!values.json) io.stdout.write(`${overdue.value.length} kasus lewat batas waktu / cases overdue\n`);
    return EXIT.ok;
  }
  const cases = await workflow.list(values.state ? { state: values.state as CaseState } : {});
  if (cases.isErr()) return failed(io, cases.error);
  const shown = values['include-personal-data'] ? cases.value : cases.value.map(maskCase);
  for (const value of shown) {
    const deadlines = caseDeadlines(value, settings.deadlines, now());
    if (values.json) io.stdout.write(`${JSON.stringify({ ...value, deadlines })}\n`);
    else io.stdout.write(caseLine(value, deadlines));
  }
  if (!values.json) io.stdout.write(`${cases.value.length} kasus / cases\n`);
  return EXIT.ok;
}

async function show({ io, workflow, settings, values, rest, now }: ActionContext): Promise<number> {
  const id = rest[0];
  if (!id) {
    printError(io, 'sebutkan id kasus', 'name the case id');
    return EXIT.usage;
  }
  const value = await workflow.get(id);
  if (value.isErr()) return failed(io, value.error);
  const deadlines = caseDeadlines(value.value, settings.deadlines, now());
  const shown = values['include-personal-data'] ? value.value : maskCase(value.value);
  io.stdout.write(values.json ? `${JSON.stringify({ ...shown, deadlines })}\n` : caseDetails(shown, deadlines));
  return EXIT.ok;
}

async function exportCases({ io, office, workflow, values, actor, now }: ActionContext): Promise<number> {
  const format = values.format;
  if (format !== 'csv' && format !== 'jsonl') {
    printError(io, '--format harus csv atau jsonl', '--format must be csv or jsonl');
    return EXIT.usage;
  }
  if (!values.out) {
    printError(io, 'sebutkan berkas tujuan dengan --out', 'name the output file with --out');
    return EXIT.usage;
  }
  const cases = await workflow.list();
  if (cases.isErr()) return failed(io, cases.error);
  const includePersonalData = values['include-personal-data'] ?? false;
  const text = format === 'csv' ? casesToCsv(cases.value, { includePersonalData }) : casesToJsonl(cases.value, { includePersonalData });
  const file = path.resolve(io.cwd, values.out);
  await writeFile(file, text, { mode: 0o600 });
  const audit = await office.store.append('audit', [
    exportAuditEntry({ actor, at: now().toISOString(), action: format === 'csv' ? 'export.csv' : 'export.jsonl', target: { kind: 'cases', id: '*' }, includePersonalData, destination: values.out, details: { cases: cases.value.length } }),
  ]);
  if (audit.isErr()) {
    const line = storeErrorLine(audit.error);
    printError(io, line.id, line.en);
    return EXIT.failure;
  }
  io.stdout.write(`${cases.value.length} kasus ditulis ke / cases written to ${values.out}${includePersonalData ? ' (DENGAN data pribadi / WITH personal data)' : ''}\n`);
  return EXIT.ok;
}

async function change(context: ActionContext, action: string): Promise<number> {
  const { io, workflow, values, rest, actor } = context;
  const id = action === 'open' ? values.id : rest[0];
  if (!id) {
    printError(io, action === 'open' ? 'sebutkan --id kasus baru' : 'sebutkan id kasus', action === 'open' ? 'give the new case --id' : 'name the case id');
    return EXIT.usage;
  }
  let result: ResultAsync<unknown, CaseError>;
  switch (action) {
    case 'open': {
      const findingIds = values.finding ?? [];
      let subjectId = values.subject;
      if (!subjectId && findingIds[0]) {
        const finding = await context.office.store.get('finding', findingIds[0]);
        if (finding.isOk() && finding.value) subjectId = finding.value.record.subjectId;
        else {
          printError(io, `temuan ${findingIds[0]} tidak ditemukan`, `finding ${findingIds[0]} not found`);
          return EXIT.problem;
        }
      }
      result = workflow.open({
        id,
        title: values.title ?? '',
        subjectId: subjectId ?? '',
        findingIds,
        captureIds: values.capture ?? [],
        actor,
        reason: values.reason ?? '',
        ...(values.origin ? { origin: values.origin as 'temuan' | 'laporan' } : {}),
        ...(values.discovered ? { discoveredAt: values.discovered } : {}),
        ...(values.election ? { electionKind: values.election as 'pilkada' | 'pemilu' } : {}),
      });
      break;
    }
    case 'move': {
      const to = rest[1];
      if (!to || !(CASE_STATES as readonly string[]).includes(to)) {
        printError(io, `sebutkan status tujuan: ${CASE_STATES.join(', ')}`, `name the target state: ${CASE_STATES.join(', ')}`);
        return EXIT.usage;
      }
      if (values.route && !(ROUTE_CODES as readonly string[]).includes(values.route)) {
        printError(io, `--route harus salah satu dari ${ROUTE_CODES.join(', ')}`, `--route must be one of ${ROUTE_CODES.join(', ')}`);
        return EXIT.usage;
      }
      let kajianSummary = values.kajian;
      if (values['kajian-file']) kajianSummary = await readFile(path.resolve(io.cwd, values['kajian-file']), 'utf8');
      const staffOnly = to === 'rekomendasi' ? await staffCaptureReferralFacts(context, id) : {};
      result = workflow.move(id, {
        ...staffOnly,
        to: to as CaseState,
        actor,
        reason: values.reason ?? '',
        ...(values['violation-type'] ? { violationType: values['violation-type'] as ViolationType } : {}),
        ...(values.route ? { routeCode: values.route as RouteCode } : {}),
        ...(kajianSummary !== undefined ? { kajianSummary } : {}),
        ...(values['letter-number'] ? { letterNumber: values['letter-number'] } : {}),
        ...(values['sent-at'] ? { sentAt: values['sent-at'] } : {}),
        ...(values['expected-version'] ? { expectedVersion: Number(values['expected-version']) } : {}),
      });
      break;
    }
    case 'note':
      result = workflow.note(id, { actor, text: values.text ?? '' });
      break;
    case 'respond':
      result = workflow.recordResponse(id, {
        actor,
        outcome: (values.outcome ?? '') as AuthorityOutcome,
        at: values['answered-at'] ?? context.now().toISOString(),
        ...(values.sanction ? { sanction: values.sanction } : {}),
        ...(values.reference ? { reference: values.reference } : {}),
        ...(values.summary ? { summary: values.summary } : {}),
      });
      break;
    default:
      result = workflow.recordReminder(id, { actor, ...(values.note ? { note: values.note } : {}) });
  }
  const outcome = await result;
  if (outcome.isErr()) return failed(io, outcome.error);
  const value = outcome.value as { id: string; state: CaseState; version: number };
  io.stdout.write(`OK ${value.id}: ${value.state} (versi / version ${value.version})\n`);
  return EXIT.ok;
}

/**
 * A case resting only on staff captures has no finding to tell the subject's category and the
 * date of the act: take them from the subjects list and the captured items.
 */
async function staffCaptureReferralFacts(context: ActionContext, caseId: string): Promise<{ subjectCategory?: SubjectCategory; actAt?: string }> {
  const value = await context.workflow.get(caseId);
  if (value.isErr() || value.value.findingIds.length > 0) return {};
  const subject = context.office.subjects?.find((entry) => entry.id === value.value.subjectId);
  const times: string[] = [];
  for (const captureId of value.value.captureIds) {
    const stored = await context.office.store.get('capture', captureId);
    if (stored.isOk() && stored.value) {
      const capture = stored.value.record;
      times.push(...capture.items.map((item) => item.createdAt ?? capture.capturedAt));
      if (capture.items.length === 0) times.push(capture.capturedAt);
    }
  }
  const actAt = times.sort()[0];
  return { ...(subject ? { subjectCategory: subject.category } : {}), ...(actAt ? { actAt } : {}) };
}
