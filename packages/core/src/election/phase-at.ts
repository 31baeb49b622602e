import type { ElectionContext, Phase } from './election-context-schema.js';
import { localDateAt } from './time-zone.js';

/** Where an instant falls in an election's calendar. */
export interface PhaseMoment {
  /** The phase, or `undefined` when the instant lies outside every listed phase. */
  phase: Phase | undefined;
  /** The local date in the region's time zone. */
  localDate: string;
  /** On or after P0 (bakal calon registration). */
  afterBakalCalon: boolean;
  /** On or after P1 (penetapan pasangan calon). */
  afterPenetapan: boolean;
}

/**
 * The phase at an instant, judged by the local date in the region's time zone (a post at
 * 23:30 WIB on the last campaign day is a campaign-period post even though it is already the
 * next day in UTC+8). Rules call this with the item's time, not the capture time.
 */
export function phaseAt(context: Pick<ElectionContext, 'schedule' | 'timeZone' | 'milestones'>, instant: Date | string): PhaseMoment {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const localDate = localDateAt(date, context.timeZone);
  const window = context.schedule.find((entry) => entry.start <= localDate && localDate <= entry.end);
  return {
    phase: window?.phase,
    localDate,
    afterBakalCalon: localDate >= context.milestones.bakalCalonRegistration,
    afterPenetapan: localDate >= context.milestones.penetapanPasanganCalon,
  };
}
