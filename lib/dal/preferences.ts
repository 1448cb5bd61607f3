import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';

/** ACCESS RULE: a person changes only their own language and time zone (the row is the viewer's own). */
export async function updateOwnPreferences(viewer: Viewer, input: { locale: string; timeZone: string }): Promise<void> {
  await getDb().update(users).set({ locale: input.locale, timeZone: input.timeZone, updatedAt: new Date() }).where(eq(users.id, viewer.id));
}
