import { open, rename, rm } from 'node:fs/promises';
import type { Subject } from '@sipansos/core';

/**
 * Write the subjects as the same indented JSON array `JSON.stringify(subjects, null, 2)` gives, a
 * batch at a time so a large list is never one string, beside the target and then renamed over it:
 * a crash leaves the old list or the new one, never half of one.
 */
export async function writeSubjectsFile(target: string, subjects: readonly Subject[]): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    let batch = '[';
    for (let index = 0; index < subjects.length; index++) {
      batch += `${index === 0 ? '' : ','}\n  ${JSON.stringify(subjects[index], null, 2).replace(/\n/g, '\n  ')}`;
      if (batch.length > 1 << 20) {
        await handle.write(batch);
        batch = '';
      }
    }
    await handle.write(`${batch}${subjects.length === 0 ? ']' : '\n]'}\n`);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, target);
}
