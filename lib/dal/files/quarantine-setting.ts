import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { portalSettings } from '@/db/schema';

/**
 * What the portal does with a quarantined file's bytes (decision 024), an admin's setting in
 * `portal_settings`: `discard` (the default: nothing of it stays) or `keep` (sealed in the storage
 * backend's quarantine area, for preservation the law may require). Changed on /admin/blocklist
 * (lib/dal/console/quarantine.ts).
 */
export const QUARANTINE_MODES = ['discard', 'keep'] as const;
export type QuarantineMode = (typeof QUARANTINE_MODES)[number];
export const QUARANTINE_SETTING = 'quarantine_mode';

export async function quarantineMode(tx?: Tx): Promise<QuarantineMode> {
  const [row] = await (tx ?? getDb())
    .select({ value: portalSettings.value })
    .from(portalSettings)
    .where(eq(portalSettings.key, QUARANTINE_SETTING))
    .limit(1);
  return row?.value === 'keep' ? 'keep' : 'discard';
}
