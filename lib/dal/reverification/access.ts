import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { organisations, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { isAdmin } from '@/lib/dal/roles';

/**
 * ACCESS RULES of the yearly re-verification (decision 019). Only this file builds them; every query
 * of lib/dal/reverification puts them in its WHERE clause, and what they leave out does not exist.
 *
 * - An organisation's round and its people: its own focal points, and admins.
 * - The people a round asks about: the organisation's active members who are not focal points (focal
 *   points speak for it; an admin looks after them).
 */
export function reverificationAccess(viewer: Viewer): SQL {
  if (isAdmin(viewer)) return sql`true`;
  return viewer.isFocalPoint ? sql`${organisations.id} = ${viewer.organisationId}` : sql`false`;
}

/** The people a round asks about, of the organisation in the query. */
export const reviewedPerson: SQL = sql`${users.organisationId} = ${organisations.id} and ${users.status} = 'active' and not ${users.isFocalPoint}`;

/** A person counts as confirmed for a round opened at `openedAt` when confirmed, approved or registered since. */
export const confirmedSince = (openedAt: SQL | Date): SQL<boolean> =>
  // A Date goes as its ISO text, cast: postgres.js takes no Date inside a raw fragment (PGlite does).
  sql<boolean>`greatest(${users.reverifiedAt}, ${users.decidedAt}, ${users.createdAt}) >= ${
    openedAt instanceof Date ? sql`${openedAt.toISOString()}::timestamptz` : openedAt
  }`;
