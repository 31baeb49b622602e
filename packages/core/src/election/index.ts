export {
  CandidatePairSchema,
  ElectionContextSchema,
  PHASES,
  PhaseSchema,
  PhaseWindowSchema,
  type CandidatePair,
  type ElectionContext,
  type ElectionContextInput,
  type Phase,
  type PhaseWindow,
} from './election-context-schema.js';
export { EXAMPLE_CONTEXT, EXAMPLE_SUBJECTS } from './example-election.js';
export { phaseAt, type PhaseMoment } from './phase-at.js';
export {
  IndonesianTimeZoneSchema,
  LocalDateSchema,
  TIME_ZONE_OFFSET_MINUTES,
  isValidLocalDate,
  localDateAt,
  startOfLocalDate,
  type IndonesianTimeZone,
} from './time-zone.js';
export { INDONESIAN_MONTHS, formatLocalDateTime, formatLocalTimestamp, indonesianTimeZoneOf } from './local-time-text.js';
