/**
 * ACCESS RULES for an organisation's people (issue 15, decision 018): its members, its pending
 * applications, invitations, removals and focal-point nominations are managed by THAT organisation's
 * focal points, and by admins. `peopleManagerAccess` is the one rule; every function of this folder
 * starts from `managedOrganisation` (or `assertManages`) before it reads or writes. To anyone else the
 * page and everything on it do not exist (NotFoundError, a 404), never "forbidden".
 */
import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { organisations } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError } from '@/lib/errors';
import { isAdmin, isFocalPointOf } from '@/lib/dal/roles';

/** Which organisations' people the viewer manages: admins every member organisation's, a focal point their own. */
export function peopleManagerAccess(viewer: Viewer): SQL | undefined {
  if (isAdmin(viewer)) return eq(organisations.isSecretariat, false);
  if (!viewer.isFocalPoint) return sql`false`;
  return and(eq(organisations.id, viewer.organisationId), eq(organisations.status, 'active'));
}

export interface ManagedOrganisation {
  id: string;
  slug: string;
  name: string;
}

/** The organisation whose people the viewer manages, by slug; null (a 404) for anyone else. */
export async function managedOrganisation(viewer: Viewer, slug: string, tx?: Tx): Promise<ManagedOrganisation | null> {
  if (!isAdmin(viewer) && !viewer.isFocalPoint) return null;
  const [row] = await (tx ?? getDb())
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.slug, slug), peopleManagerAccess(viewer)))
    .limit(1);
  return row ?? null;
}

/** Refuses (NotFoundError) a viewer who does not manage this organisation's people. */
export function assertManages(viewer: Viewer, organisationId: string): void {
  if (!isAdmin(viewer) && !isFocalPointOf(viewer, organisationId)) throw new NotFoundError('organisation');
}

/** Whether the viewer manages this organisation's people (a link to the page is shown to them). */
export function canManagePeople(viewer: Viewer, organisation: { id: string; isSecretariat?: boolean }): boolean {
  return isAdmin(viewer) ? !organisation.isSecretariat : isFocalPointOf(viewer, organisation.id);
}
