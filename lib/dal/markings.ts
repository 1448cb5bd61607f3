/**
 * TLP markings (decision 030): writing the side tables of a thread's or a resource's marking, and the
 * order used to tell raising from lowering. Reading is never done here: the rules live in
 * lib/dal/discussions/access.ts (threadAccess) and lib/dal/resources/access.ts (resourceAccess).
 *
 * Organisations named by an AMBER marking must be active; people named by a RED marking must be active
 * members. Nobody is added silently: the lists hold what the author chose, plus the author (RED) or the
 * author's organisation (AMBER, AMBER+STRICT threads).
 */
import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import {
  notifications,
  organisations,
  resourceMarkingOrgs,
  resourceMarkingPeople,
  threadMarkingOrgs,
  threadMarkingPeople,
  users,
  type TlpMarking,
} from '@/db/schema';
import { UserError } from '@/lib/errors';
import { deliveryColumns, scheduleNotificationEmails } from '@/lib/dal/notifications/delivery';
import { normaliseMarking, type MarkingInput } from '@/lib/validation/markings';

/** From the widest (CLEAR) to the narrowest (RED). */
const RANK: Record<TlpMarking, number> = { clear: 0, green: 1, amber: 2, amber_strict: 3, red: 4 };

/** The marking, and its lists, as stored. */
export interface StoredMarking {
  marking: TlpMarking;
  organisations: string[];
  people: string[];
}

/**
 * Whether going from `from` to `to` lets more people in: a wider marking, or the same AMBER/RED marking
 * naming someone it did not name before. Lowering is audited and its author told.
 */
export function widens(from: StoredMarking, to: StoredMarking): boolean {
  if (RANK[to.marking] !== RANK[from.marking]) return RANK[to.marking] < RANK[from.marking];
  return to.organisations.some((o) => !from.organisations.includes(o)) || to.people.some((p) => !from.people.includes(p));
}

/** The chosen organisations and people, checked (active ones only) and normalised to what the marking uses. */
export async function checkedMarking(tx: Tx, input: MarkingInput): Promise<StoredMarking> {
  const v = normaliseMarking(input);
  if (v.markingOrganisations.length) {
    const found = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(inArray(organisations.id, v.markingOrganisations), eq(organisations.status, 'active')));
    if (found.length !== v.markingOrganisations.length) throw new UserError('validation.invalidChoice', 'markingOrganisations');
  }
  if (v.markingPeople.length) {
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, v.markingPeople), eq(users.status, 'active')));
    if (found.length !== v.markingPeople.length) throw new UserError('validation.invalidChoice', 'markingPeople');
  }
  return { marking: v.marking, organisations: v.markingOrganisations, people: v.markingPeople };
}

/** A thread's stored marking lists (for the edit form and for comparing). */
export async function threadMarkingLists(
  tx: Db | Tx,
  threadId: string,
  marking: TlpMarking,
  authorId: string,
  authorOrganisationId: string,
): Promise<StoredMarking> {
  const [orgs, people] = await Promise.all([
    tx.select({ id: threadMarkingOrgs.organisationId }).from(threadMarkingOrgs).where(eq(threadMarkingOrgs.threadId, threadId)),
    tx.select({ id: threadMarkingPeople.userId }).from(threadMarkingPeople).where(eq(threadMarkingPeople.threadId, threadId)),
  ]);
  return {
    marking,
    organisations: marking === 'amber' ? orgs.map((o) => o.id).filter((id) => id !== authorOrganisationId) : [],
    people: marking === 'red' ? people.map((p) => p.id).filter((id) => id !== authorId) : [],
  };
}

/**
 * Replaces a thread's marking lists: AMBER → the chosen organisations and the author's; AMBER+STRICT →
 * the author's organisation; RED → the named people and the author. The thread row's `marking` column is
 * set by the caller in the same transaction.
 */
export async function writeThreadMarking(tx: Tx, threadId: string, author: { id: string; organisationId: string }, m: StoredMarking): Promise<void> {
  await tx.delete(threadMarkingOrgs).where(eq(threadMarkingOrgs.threadId, threadId));
  await tx.delete(threadMarkingPeople).where(eq(threadMarkingPeople.threadId, threadId));
  if (m.marking === 'amber' || m.marking === 'amber_strict') {
    const orgs = new Set([author.organisationId, ...(m.marking === 'amber' ? m.organisations : [])]);
    await tx.insert(threadMarkingOrgs).values([...orgs].map((organisationId) => ({ threadId, organisationId })));
  }
  if (m.marking === 'red') {
    const people = new Set([author.id, ...m.people]);
    await tx.insert(threadMarkingPeople).values([...people].map((userId) => ({ threadId, userId })));
  }
}

/** A resource's stored marking lists (the contributor and the contributing organisation are implied by the rule). */
export async function resourceMarkingLists(tx: Db | Tx, resourceId: string, marking: TlpMarking): Promise<StoredMarking> {
  const [orgs, people] = await Promise.all([
    tx.select({ id: resourceMarkingOrgs.organisationId }).from(resourceMarkingOrgs).where(eq(resourceMarkingOrgs.resourceId, resourceId)),
    tx.select({ id: resourceMarkingPeople.userId }).from(resourceMarkingPeople).where(eq(resourceMarkingPeople.resourceId, resourceId)),
  ]);
  return { marking, organisations: marking === 'amber' ? orgs.map((o) => o.id) : [], people: marking === 'red' ? people.map((p) => p.id) : [] };
}

/** Replaces a resource's marking lists (the `marking` column is set by the caller in the same transaction). */
export async function writeResourceMarking(tx: Tx, resourceId: string, m: StoredMarking): Promise<void> {
  await tx.delete(resourceMarkingOrgs).where(eq(resourceMarkingOrgs.resourceId, resourceId));
  await tx.delete(resourceMarkingPeople).where(eq(resourceMarkingPeople.resourceId, resourceId));
  if (m.marking === 'amber' && m.organisations.length) {
    await tx.insert(resourceMarkingOrgs).values(m.organisations.map((organisationId) => ({ resourceId, organisationId })));
  }
  if (m.marking === 'red' && m.people.length) {
    await tx.insert(resourceMarkingPeople).values(m.people.map((userId) => ({ resourceId, userId })));
  }
}

/**
 * Tells the owner of a thread (its author) or a resource (its contributor) that someone else lowered its
 * marking: an in-portal row and an email as their "moderation" preference says (the mailer writes the title
 * and the label only where it may, never content). Called in the transaction that changed the marking.
 */
export async function notifyMarkingLowered(
  tx: Tx,
  target: { threadId: string } | { resourceId: string },
  ownerId: string,
  actorId: string,
): Promise<void> {
  const kind = 'threadId' in target ? 'marking_lowered' : 'resource_marking_lowered';
  const about = 'threadId' in target ? `marking:${target.threadId}` : `resource-marking:${target.resourceId}`;
  await tx
    .insert(notifications)
    .values({ userId: ownerId, kind, dedupeKey: `${about}:${Date.now()}`, ...target, actorId, ...deliveryColumns(kind, sql`${ownerId}::uuid`) })
    .onConflictDoNothing();
  await scheduleNotificationEmails(kind, tx);
}
