/**
 * A focal point's view of their organisation's people (decision 018): its active members (by name)
 * and its pending applications (oldest first, with whether each still waits for the focal point's word). Access: the organisation's focal points and admins (./access.ts); every
 * function takes the viewer and checks it first.
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { focalPointNominations, users } from '@/db/schema';
import type { Endorsement } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { isoMicros, keysetPage, nameIdKey, seekClause, timeIdKey, type Page } from '@/lib/dal/pagination';
import { assertManages } from './access';
import { endorsementDeadline } from './endorsement';
import { peopleSettings } from './settings';

export interface ManagedPerson {
  id: string;
  name: string;
  email: string;
  jobTitle: string;
  isFocalPoint: boolean;
  /** An admin has not yet answered a nomination of this person as focal point. */
  nominated: boolean;
}

/** The organisation's active members, by name. */
export async function listMembers(viewer: Viewer, organisationId: string, cursor?: string): Promise<Page<ManagedPerson>> {
  assertManages(viewer, organisationId);
  return keysetPage({
    cursor,
    key: nameIdKey,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause([users.name, users.id], key ? [sql`${key[0]}`, sql`${key[1]}::uuid`] : null, 'asc', backward);
      return getDb()
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          jobTitle: users.jobTitle,
          isFocalPoint: users.isFocalPoint,
          nominated: sql<boolean>`exists (select 1 from ${focalPointNominations} n where n.nominee_id = "users"."id" and n.decided_at is null)`,
        })
        .from(users)
        .where(and(eq(users.organisationId, organisationId), eq(users.status, 'active'), seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.name, row.id] as [string, string],
  });
}

export interface ManagedApplication {
  id: string;
  name: string;
  email: string;
  jobTitle: string;
  /** Written by the applicant: plain text with dir="auto". */
  reason: string;
  appliedAt: Date;
  endorsement: Endorsement | null;
  endorsementReason: string | null;
  invited: boolean;
  /** Until when it waits for a focal point's word; null when the Secretariat may already decide. */
  waitsUntil: Date | null;
}

/** Pending applications to the organisation (email confirmed, not yet decided), oldest first. */
export async function listOrganisationApplications(viewer: Viewer, organisationId: string, cursor?: string): Promise<Page<ManagedApplication>> {
  assertManages(viewer, organisationId);
  const { endorsementWaitDays } = await peopleSettings();
  const page = await keysetPage({
    cursor,
    key: timeIdKey,
    fetch: async ({ key, backward }, limit) => {
      const seek = seekClause([users.createdAt, users.id], key ? [sql`${key[0]}::timestamptz`, sql`${key[1]}::uuid`] : null, 'asc', backward);
      return getDb()
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          jobTitle: users.jobTitle,
          reason: users.reason,
          appliedAt: users.createdAt,
          endorsement: users.endorsement,
          endorsementReason: users.endorsementReason,
          invited: sql<boolean>`"users"."invited_by" is not null`,
          waitsUntil: endorsementDeadline(endorsementWaitDays),
          cursorAt: isoMicros(users.createdAt),
        })
        .from(users)
        .where(and(eq(users.organisationId, organisationId), eq(users.status, 'pending'), seek.where))
        .orderBy(...seek.orderBy)
        .limit(limit);
    },
    keyOf: (row) => [row.cursorAt, row.id] as [string, string],
  });
  return { ...page, items: page.items.map(({ cursorAt: _cursor, ...row }) => row) };
}
