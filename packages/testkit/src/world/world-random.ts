/**
 * A small seeded pseudo-random generator (mulberry32). The world must come out byte-identical
 * for one seed on every machine, so nothing here may read `Math.random` or the clock.
 */
export interface WorldRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** True with the given probability. */
  chance(probability: number): boolean;
}

/** Creates a {@link WorldRandom} from a 32-bit seed. */
export function createWorldRandom(seed: number): WorldRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => {
      if (list.length === 0) throw new RangeError('pick() needs a non-empty list');
      return list[Math.floor(next() * list.length)] as T;
    },
    chance: (probability) => next() < probability,
  };
}
