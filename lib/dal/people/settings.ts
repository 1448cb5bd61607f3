import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { portalSettings } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { assertAdmin } from '@/lib/dal/roles';
import type { RequestInfo } from '@/lib/request';

/**
 * The two portal settings of focal points' endorsement (decision 018), edited by admins on /admin:
 * how many days an application waits for its organisation's focal point before the Secretariat may
 * decide without it, and whether an application that came through a focal point's invitation skips the
 * Secretariat's approval.
 */
export interface PeopleSettings {
  endorsementWaitDays: number;
  invitationsSkipApproval: boolean;
}

export const DEFAULT_PEOPLE_SETTINGS: PeopleSettings = { endorsementWaitDays: 7, invitationsSkipApproval: false };
const KEYS = { endorsementWaitDays: 'endorsement_wait_days', invitationsSkipApproval: 'invitations_skip_approval' } as const;

export async function peopleSettings(tx?: Tx): Promise<PeopleSettings> {
  const rows = await (tx ?? getDb())
    .select({ key: portalSettings.key, value: portalSettings.value })
    .from(portalSettings)
    .where(inArray(portalSettings.key, Object.values(KEYS)));
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  const days = value(KEYS.endorsementWaitDays);
  const skip = value(KEYS.invitationsSkipApproval);
  return {
    endorsementWaitDays: typeof days === 'number' && Number.isInteger(days) && days >= 0 ? days : DEFAULT_PEOPLE_SETTINGS.endorsementWaitDays,
    invitationsSkipApproval: typeof skip === 'boolean' ? skip : DEFAULT_PEOPLE_SETTINGS.invitationsSkipApproval,
  };
}

/** An admin changes both settings; audited with the values before and after. */
export async function setPeopleSettings(admin: Viewer, next: PeopleSettings, request: RequestInfo): Promise<void> {
  assertAdmin(admin);
  await getDb().transaction(async (tx) => {
    const before = await peopleSettings(tx);
    for (const [field, key] of Object.entries(KEYS) as [keyof PeopleSettings, string][]) {
      await tx
        .insert(portalSettings)
        .values({ key, value: next[field], updatedBy: admin.id })
        .onConflictDoUpdate({ target: portalSettings.key, set: { value: next[field], updatedBy: admin.id, updatedAt: sql`now()` } });
    }
    await audit({ action: 'settings.people', actorId: admin.id, ip: request.ip, details: { from: before, to: next } }, tx);
  });
}
