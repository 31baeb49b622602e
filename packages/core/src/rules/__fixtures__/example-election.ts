import { EXAMPLE_CONTEXT } from '../../election/example-election.js';
import { ElectionContextSchema, type ElectionContext } from '../../election/election-context-schema.js';

/**
 * The invented example election of `sipansos init` and the simulated world (Kabupaten Lembah Harapan: 1 Arman
 * Sasmita/Rina Kartikasari, 2 Bagus Wiratmaja/Sekar Ayuningtyas, 3 Citra Maheswari/Darmawan
 * Putra Lesmana), imported rather than copied so fixtures follow it.
 */
export const EXAMPLE_ELECTION: ElectionContext = ElectionContextSchema.parse(EXAMPLE_CONTEXT);

/** A local date-time inside each phase of the example schedule (WIB). */
export const PHASE_TIMES = {
  before_p0: '2024-06-10T09:00:00+07:00',
  pre_campaign_p0: '2024-09-01T09:00:00+07:00',
  pre_campaign_p1: '2024-09-23T09:00:00+07:00',
  campaign: '2024-10-15T19:30:00+07:00',
  quiet: '2024-11-25T20:00:00+07:00',
  voting: '2024-11-27T06:00:00+07:00',
  counting: '2024-12-01T10:00:00+07:00',
  post: '2025-01-10T10:00:00+07:00',
} as const;
