import { isUtf8 } from 'node:buffer';
import { canonicalJsonOrThrow, SignedCheckpointSchema } from '@sipansos/core/evidence';
import { type SignedCheckpointV1, type VerifyProblemV1 } from '@sipansos/core/spec';
import { readLines } from './log-scan.js';

/** One checkpoint line: its canonical JSON. */
export function checkpointLine(checkpoint: SignedCheckpointV1): string {
  return canonicalJsonOrThrow({ treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, at: checkpoint.at, keyId: checkpoint.keyId, ...(checkpoint.logs ? { logs: checkpoint.logs } : {}), signature: checkpoint.signature });
}

/** What reading `checkpoints.jsonl` found. */
export interface CheckpointScan {
  checkpoints: Array<{ checkpoint: SignedCheckpointV1; line: number }>;
  fileBytes: number;
  goodBytes: number;
  /** An incomplete last line (no newline): the shape a crash leaves. */
  tail?: { offset: number; bytes: number; reason: string };
  /** Complete bad lines at the end with nothing sound after: tampering, not a crash. */
  badTail?: { line: number; offset: number; bytes: number; message: string };
  damage?: { line: number; message: string };
  problems: VerifyProblemV1[];
}

/**
 * Read the checkpoint file: one canonical JSON checkpoint per line. A bad last line is a torn
 * write; a bad line before a good one is damage. Signatures and roots are checked by verify.
 */
export async function scanCheckpoints(file: string, name: string, maxBytes?: number): Promise<CheckpointScan> {
  const scan: CheckpointScan = { checkpoints: [], fileBytes: 0, goodBytes: 0, problems: [] };
  let lineNumber = 0;
  let firstBad: { line: number; offset: number; message: string; terminated: boolean } | undefined;
  try {
    for await (const line of readLines(file, maxBytes)) {
      lineNumber++;
      scan.fileBytes = line.offset + line.length + (line.terminated ? 1 : 0);
      let problem: string | undefined;
      let checkpoint: SignedCheckpointV1 | undefined;
      if (!line.terminated) problem = `the last ${line.length} bytes are an incomplete line (torn write)`;
      else if (!isUtf8(line.bytes)) problem = `line ${lineNumber} is not valid UTF-8`;
      else {
        const text = line.bytes.toString('utf8');
        try {
          const parsed = SignedCheckpointSchema.safeParse(JSON.parse(text));
          if (!parsed.success) problem = `line ${lineNumber} is not a checkpoint: ${parsed.error.issues[0]?.message ?? 'bad shape'}`;
          else if (checkpointLine(parsed.data) !== text) problem = `line ${lineNumber} is not in canonical form (bytes changed)`;
          else checkpoint = parsed.data;
        } catch (error) {
          problem = `line ${lineNumber} is not JSON: ${(error as Error).message}`;
        }
      }
      if (problem) {
        scan.problems.push({ type: 'unreadable', file: name, seq: lineNumber, message: problem });
        firstBad ??= { line: lineNumber, offset: line.offset, message: problem, terminated: line.terminated };
        continue;
      }
      if (firstBad) {
        scan.damage ??= { line: firstBad.line, message: firstBad.message };
        continue;
      }
      scan.checkpoints.push({ checkpoint: checkpoint!, line: lineNumber });
      scan.goodBytes = scan.fileBytes;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (firstBad && !scan.damage) {
    const bytes = scan.fileBytes - scan.goodBytes;
    if (!firstBad.terminated && firstBad.line === lineNumber) scan.tail = { offset: scan.goodBytes, bytes, reason: firstBad.message };
    else scan.badTail = { line: firstBad.line, offset: scan.goodBytes, bytes, message: firstBad.message };
  }
  return scan;
}
