/** Test builders for discussions (tests only). */
import { getDb } from '@/db';
import { and, eq } from 'drizzle-orm';
import { notifications, spaceMembers, spaces } from '@/db/schema';
import type { Sector, SpaceAccessKind } from '@/db/schema';
import { POSTING_LIMITS } from '@/lib/dal/discussions/limits';

let n = 0;

export async function createSpace(
  over: { access?: SpaceAccessKind; sectors?: Sector[]; name?: string; archivedAt?: Date | null; chathamHouse?: boolean } = {},
) {
  n++;
  const name = over.name ?? `Space ${n} ${Math.random().toString(36).slice(2, 7)}`;
  const [row] = await getDb()
    .insert(spaces)
    .values({
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      name,
      access: over.access ?? 'open',
      sectors: over.sectors ?? [],
      archivedAt: over.archivedAt ?? null,
      chathamHouse: over.chathamHouse ?? false,
    })
    .returning();
  return row!;
}

export async function addMember(spaceId: string, userId: string, isManager = false) {
  await getDb().insert(spaceMembers).values({ spaceId, userId, isManager });
}

export async function removeMember(spaceId: string, userId: string) {
  await getDb()
    .delete(spaceMembers)
    .where(and(eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.userId, userId)));
}

/** A notification row as the fan-out job writes one (tests that need one without running the job). */
export async function addNotification(values: typeof notifications.$inferInsert) {
  await getDb().insert(notifications).values(values);
}

/** Turns the posting limits off (tests that post quickly); returns a function that restores them. */
export function withoutPostingLimits(): () => void {
  const saved = { ...POSTING_LIMITS };
  Object.assign(POSTING_LIMITS, { threadSeconds: 0, postSeconds: 0, duplicateMinutes: 0 });
  return () => Object.assign(POSTING_LIMITS, saved);
}

export const request = { ip: '198.51.100.30', userAgent: 'vitest' };
