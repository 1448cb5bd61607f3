import 'server-only';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { ownAccount } from './access';

/** A person changes only their own language and time zone (ownAccount, ./access.ts). */
export async function updateOwnPreferences(viewer: Viewer, input: { locale: string; timeZone: string }): Promise<void> {
  await getDb().update(users).set({ locale: input.locale, timeZone: input.timeZone, updatedAt: new Date() }).where(ownAccount(viewer));
}

/** A person changes only their own language (the language switcher in their menu). */
export async function updateOwnLocale(viewer: Viewer, locale: string): Promise<void> {
  await getDb().update(users).set({ locale, updatedAt: new Date() }).where(ownAccount(viewer));
}
