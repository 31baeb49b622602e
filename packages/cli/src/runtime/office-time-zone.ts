import type { ElectionContext, IndonesianTimeZone } from '@sipansos/core';
import { loadContext } from './load-context.js';
import type { Office } from './open-office.js';

/**
 * The zone every time is shown in: the election context's (`timeZone` in election.json), else
 * the office's deadline calendar zone, else WIB. Output always names the zone, so a fallback is
 * never mistaken for another zone.
 */
export async function officeTimeZone(office: Pick<Office, 'config'> & { context?: ElectionContext }, fallback: IndonesianTimeZone = 'WIB'): Promise<IndonesianTimeZone> {
  if (office.context) return office.context.timeZone;
  const loaded = await loadContext(office.config);
  return 'context' in loaded ? loaded.context.timeZone : fallback;
}
