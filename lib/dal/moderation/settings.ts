/** A moderator's own review-queue settings (decision 029): only their own row, only for moderators and admins. */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { moderatorSettings } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import type { RequestInfo } from '@/lib/request';
import { assertModerator } from '@/lib/dal/roles';

/** Minutes before the queue suggests a break; null: no reminder. */
export async function breakReminderMinutes(viewer: Viewer): Promise<number | null> {
  assertModerator(viewer);
  const [row] = await getDb()
    .select({ minutes: moderatorSettings.breakReminderMinutes })
    .from(moderatorSettings)
    .where(eq(moderatorSettings.userId, viewer.id))
    .limit(1);
  return row?.minutes ?? null;
}

export async function setBreakReminder(viewer: Viewer, minutes: number | null, request: RequestInfo): Promise<void> {
  assertModerator(viewer);
  await getDb().transaction(async (tx) => {
    await tx
      .insert(moderatorSettings)
      .values({ userId: viewer.id, breakReminderMinutes: minutes })
      .onConflictDoUpdate({ target: moderatorSettings.userId, set: { breakReminderMinutes: minutes, updatedAt: sql`now()` } });
    await audit(
      {
        actorId: viewer.id,
        action: 'moderation.settings_changed',
        targetType: 'user',
        targetId: viewer.id,
        ip: request.ip,
        details: { breakReminderMinutes: minutes },
      },
      tx,
    );
  });
}
