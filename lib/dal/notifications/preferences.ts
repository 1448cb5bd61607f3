/**
 * A member's notification preferences: their own only (the viewer's id in every query). Per kind a
 * channel, whether emails carry excerpts, a pause, the digest hour; per followed space what it brings
 * (space_follows.mode). Spaces are changed only among those the viewer follows and still sees.
 */
import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { executeRows, getDb, type Tx } from '@/db';
import {
  notificationPreferences,
  spaceFollows,
  spaces,
  PREFERENCE_KINDS,
  type Channel,
  type PreferenceKind,
  type SpaceFollowMode,
} from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { spaceAccess } from '@/lib/dal/discussions/access';
import { NotFoundError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { DEFAULT_CHANNELS } from './delivery';
import { localParts, zonedTime } from './zoned';

export interface NotificationPreferences {
  channels: Record<PreferenceKind, Channel>;
  excerpts: boolean;
  digests: boolean;
  pausedUntil: Date | null;
  /** The pause's end as a day in the member's time zone (YYYY-MM-DD), for the form. */
  pausedUntilDay: string | null;
  digestHour: number;
}

export async function getNotificationPreferences(viewer: Pick<Viewer, 'id' | 'timeZone'>): Promise<NotificationPreferences> {
  const [row] = await getDb().select().from(notificationPreferences).where(eq(notificationPreferences.userId, viewer.id)).limit(1);
  const pausedUntil = row?.pausedUntil && row.pausedUntil > new Date() ? row.pausedUntil : null;
  const day = pausedUntil ? localParts(pausedUntil, viewer.timeZone) : null;
  return {
    channels: { ...DEFAULT_CHANNELS, ...(row?.channels ?? {}) },
    excerpts: row?.excerpts ?? false,
    digests: row?.digests ?? true,
    pausedUntil,
    pausedUntilDay: day ? `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}` : null,
    digestHour: row?.digestHour ?? 8,
  };
}

export interface PreferencesInput {
  channels: Record<PreferenceKind, Channel>;
  excerpts: boolean;
  digests: boolean;
  /** The day (YYYY-MM-DD) emails start again, at midnight in the member's time zone; null: no pause. */
  pausedUntilDay: string | null;
  digestHour: number;
}

/** Saves the viewer's preferences (kinds left at their default are not stored, so a later default applies). Audited. */
export async function updateNotificationPreferences(viewer: Viewer, input: PreferencesInput, request: RequestInfo): Promise<void> {
  const channels = Object.fromEntries(PREFERENCE_KINDS.filter((k) => input.channels[k] !== DEFAULT_CHANNELS[k]).map((k) => [k, input.channels[k]]));
  const pausedUntil = input.pausedUntilDay ? zonedTime(input.pausedUntilDay, 0, viewer.timeZone) : null;
  const values = { channels, excerpts: input.excerpts, digests: input.digests, pausedUntil, digestHour: input.digestHour, updatedAt: new Date() };
  await getDb().transaction(async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values({ userId: viewer.id, ...values })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
    await audit(
      {
        actorId: viewer.id,
        action: 'notifications.preferences_updated',
        targetType: 'user',
        targetId: viewer.id,
        ip: request.ip,
        details: { channels, excerpts: input.excerpts, digests: input.digests, pausedUntil, digestHour: input.digestHour },
      },
      tx,
    );
  });
}

/** Takes email away from a kind (both → portal, email → off), or stops digests; false when the member does not exist. */
export async function withoutEmail(userId: string, kind: PreferenceKind | 'digest', tx: Tx): Promise<boolean> {
  if (!(await executeRows(tx, sql`select 1 from users where id = ${userId}::uuid`)).length) return false;
  if (kind === 'digest') {
    await tx
      .insert(notificationPreferences)
      .values({ userId, digests: false })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: { digests: false, updatedAt: new Date() } });
    return true;
  }
  const [row] = await tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)).limit(1);
  const current = row?.channels?.[kind] ?? DEFAULT_CHANNELS[kind];
  const next: Channel = current === 'both' ? 'portal' : current === 'email' ? 'off' : current;
  const channels = { ...(row?.channels ?? {}), [kind]: next };
  await tx
    .insert(notificationPreferences)
    .values({ userId, channels })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { channels, updatedAt: new Date() } });
  return true;
}

export interface FollowedSpace {
  id: string;
  name: string;
  mode: SpaceFollowMode;
}

const FOLLOWED_CAP = 200;

/** The spaces the viewer follows and still sees, with what each brings. Spaces are few (admins make them): one capped list. */
export async function listFollowedSpaces(viewer: Viewer): Promise<FollowedSpace[]> {
  return getDb()
    .select({ id: spaces.id, name: spaces.name, mode: spaceFollows.mode })
    .from(spaceFollows)
    .innerJoin(spaces, eq(spaces.id, spaceFollows.spaceId))
    .where(and(eq(spaceFollows.userId, viewer.id), spaceAccess(viewer)))
    .orderBy(asc(spaces.position), asc(spaces.name))
    .limit(FOLLOWED_CAP);
}

/** Changes what a followed space brings; a space the viewer does not follow or no longer sees is not found. */
export async function setSpaceMode(viewer: Viewer, spaceId: string, mode: SpaceFollowMode): Promise<void> {
  const updated = await getDb()
    .update(spaceFollows)
    .set({ mode })
    .where(
      and(
        eq(spaceFollows.userId, viewer.id),
        eq(spaceFollows.spaceId, spaceId),
        sql`exists (select 1 from spaces where "spaces"."id" = ${spaceId}::uuid and ${spaceAccess(viewer)})`,
      ),
    )
    .returning({ spaceId: spaceFollows.spaceId });
  if (!updated.length) throw new NotFoundError('space');
}
