import { subjectListProblems, type Subject } from '@sipansos/core';

/** An office list with an imported one laid over it, by subject id. */
export interface MergedSubjects {
  merged: Subject[];
  added: number;
  updated: number;
  unchanged: number;
  /** The first problem between subjects of the merged list (e.g. one account on two subjects). */
  problem?: string;
}

/** Lay `incoming` over `existing` by id; both were checked subject by subject as they were read. */
export function mergeSubjectLists(existing: readonly Subject[], incoming: readonly Subject[]): MergedSubjects {
  const byId = new Map(existing.map((subject) => [subject.id, subject]));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const subject of incoming) {
    const before = byId.get(subject.id);
    if (!before) added++;
    else if (JSON.stringify(before) === JSON.stringify(subject)) unchanged++;
    else updated++;
    byId.set(subject.id, subject);
  }
  const merged = [...byId.values()];
  const clash = subjectListProblems(merged)[0];
  return { merged, added, updated, unchanged, ...(clash ? { problem: `${clash.path.join('.')}: ${clash.message}` } : {}) };
}
