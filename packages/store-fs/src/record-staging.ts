import { sha256Hex } from '@sipansos/core/evidence';

/** Records larger than this (in UTF-16 units) are hashed from their string and not staged. */
const MAX_STAGED_UNITS = 4 * 1024 * 1024;

/**
 * The records of the append being planned, encoded to UTF-8 once: `planAppend` takes each
 * record's hash from the bytes staged here, and the committer copies the same bytes into its
 * batch instead of encoding the record's canonical JSON a second time (and the string is never
 * flattened into one more copy). Holds one append at a time: `reset` before planning, `take`
 * while enqueueing, both in the same synchronous step.
 */
export class RecordStaging {
  private bytes = Buffer.allocUnsafe(64 * 1024);
  private used = 0;
  /** Hash and end offset of each staged record; the first `count` are this append's. */
  private readonly hashes: string[] = [];
  private readonly ends: number[] = [];
  private count = 0;
  /** The first staged record not taken yet. */
  private next = 0;

  reset(): void {
    // Counters only: truncating the arrays (setting length) is a slow path in V8.
    this.used = 0;
    this.count = 0;
    this.next = 0;
  }

  /** sha256 of the record's canonical JSON, hashed from its staged UTF-8 bytes. */
  readonly hashRecord = (canonical: string): string => {
    if (canonical.length > MAX_STAGED_UNITS) return sha256Hex(canonical);
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (this.used + 3 * canonical.length > this.bytes.length) this.grow(this.used + 3 * canonical.length);
    const start = this.used;
    this.used += this.bytes.write(canonical, start);
    const hash = sha256Hex(this.bytes.subarray(start, this.used));
    this.hashes[this.count] = hash;
    this.ends[this.count++] = this.used;
    return hash;
  };

  /**
   * Copy the staged bytes of the record with this hash into `target` at `offset`; answers the
   * bytes copied, or `undefined` when that record was not staged (or `target` lacks room).
   * Records are taken in the order they were staged; ones planned away (already stored) are skipped.
   */
  take(recordHash: string, target: Buffer, offset: number): number | undefined {
    for (let index = this.next; index < this.count; index++) {
      if (this.hashes[index] !== recordHash) continue;
      const start = index === 0 ? 0 : this.ends[index - 1]!;
      const end = this.ends[index]!;
      if (offset + end - start > target.length) return undefined;
      this.next = index + 1;
      return this.bytes.copy(target, offset, start, end);
    }
    return undefined;
  }

  private grow(needed: number): void {
    let size = this.bytes.length * 2;
    while (size < needed) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.bytes.copy(grown, 0, 0, this.used);
    this.bytes = grown;
  }
}
