// The example election moved to core (so `sipansos init` needs no testkit); re-exported here
// because the world, the demo and third-party tests read it from the testkit.
export { EXAMPLE_CONTEXT, EXAMPLE_SUBJECTS } from '@sipansos/core';
/** One monitoring cycle of the simulated world: when it runs, in the election's calendar. */
export interface WorldCycle {
  /** 1-based cycle index. */
  index: number;
  /** The simulated instant the platforms are observed at (UTC ISO). */
  at: string;
  /** What the cycle stands for, for people reading a demo's output. */
  label: string;
}

/**
 * The scripted calendar: one cycle per stretch of the election, so a run of cycles 1..8 walks
 * through every phase. Items of cycle N are created after cycle N-1's instant and by cycle N's.
 */
export const WORLD_CYCLES: readonly WorldCycle[] = [
  { index: 1, at: '2024-09-01T03:00:00.000Z', label: 'pra-kampanye, setelah pendaftaran bakal calon / pre-campaign after P0' },
  { index: 2, at: '2024-09-24T03:00:00.000Z', label: 'pra-kampanye, setelah penetapan paslon / pre-campaign after P1' },
  { index: 3, at: '2024-10-15T03:00:00.000Z', label: 'kampanye / campaign' },
  { index: 4, at: '2024-11-10T03:00:00.000Z', label: 'kampanye / campaign' },
  { index: 5, at: '2024-11-26T09:00:00.000Z', label: 'masa tenang / quiet period' },
  { index: 6, at: '2024-11-27T10:00:00.000Z', label: 'pemungutan suara / voting day' },
  { index: 7, at: '2024-12-05T03:00:00.000Z', label: 'penghitungan / counting' },
  { index: 8, at: '2024-12-20T03:00:00.000Z', label: 'pasca / post-election' },
];

/** Where the world's history starts: posts before cycle 1 are spread from here. */
export const WORLD_HISTORY_START = '2024-07-01T01:00:00.000Z';
