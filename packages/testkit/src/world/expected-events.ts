import type { ExpectedEvent } from './world-model.js';

/** The expected events of one kind, typed: `expectedOfKind(world.truth(), 'deletion')`. */
export function expectedOfKind<K extends ExpectedEvent['kind']>(events: readonly ExpectedEvent[], kind: K): Extract<ExpectedEvent, { kind: K }>[] {
  return events.filter((event): event is Extract<ExpectedEvent, { kind: K }> => event.kind === kind);
}
