/**
 * Access for changing a thread's TLP marking (decision 030): the thread must be one the viewer sees
 * (`threadAccess`, ./access.ts) and the viewer its author or a moderator; anyone else gets NotFoundError.
 * Raising (narrowing) and lowering (widening: a wider marking, or naming more organisations or people)
 * are open to both; every change is audited, and a lowering by someone other than the author notifies
 * the author (kind `marking_lowered`, the moderation preference).
 */
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { organisations, spaces, threadMarkingOrgs, threadMarkingPeople, threads, users, type TlpMarking } from '@/db/schema';
import { audit } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/sessions';
import { NotFoundError } from '@/lib/errors';
import type { RequestInfo } from '@/lib/request';
import { checkedMarking, notifyMarkingLowered, threadMarkingLists, widens, writeThreadMarking, type StoredMarking } from '@/lib/dal/markings';
import { isUuid } from '@/lib/dal/pagination';
import { isModerator } from '@/lib/dal/roles';
import type { MarkingInput } from '@/lib/validation/markings';
import { threadAccess } from './access';
import { getThread } from './threads';

/** A thread the viewer sees and may re-mark, with its author's organisation; NotFoundError otherwise. */
async function markableThread(viewer: Viewer, unsafeId: string) {
  if (!isUuid(unsafeId)) throw new NotFoundError('thread');
  const [row] = await getDb()
    .select({ id: threads.id, marking: threads.marking, authorId: threads.authorId, authorOrganisationId: users.organisationId })
    .from(threads)
    .innerJoin(spaces, eq(spaces.id, threads.spaceId))
    .innerJoin(users, eq(users.id, threads.authorId))
    .where(and(eq(threads.id, unsafeId), threadAccess(viewer)))
    .limit(1);
  if (!row || (row.authorId !== viewer.id && !isModerator(viewer))) throw new NotFoundError('thread');
  return row;
}

/** The thread's current marking and lists (the author's own organisation and person are implied). */
export async function getThreadMarking(viewer: Viewer, threadId: string): Promise<StoredMarking> {
  const thread = await markableThread(viewer, threadId);
  return threadMarkingLists(getDb(), thread.id, thread.marking, thread.authorId, thread.authorOrganisationId);
}

/** Sets a thread's marking; returns whether it was lowered. */
export async function setThreadMarking(viewer: Viewer, threadId: string, input: MarkingInput, request: RequestInfo): Promise<{ lowered: boolean }> {
  const thread = await markableThread(viewer, threadId);
  return getDb().transaction(async (tx) => {
    const [locked] = await tx.select({ marking: threads.marking }).from(threads).where(eq(threads.id, thread.id)).for('update');
    const from = await threadMarkingLists(tx, thread.id, locked!.marking as TlpMarking, thread.authorId, thread.authorOrganisationId);
    const checked = await checkedMarking(tx, input);
    // The author and their organisation are always in; listing them again changes nothing.
    const to = {
      ...checked,
      organisations: checked.organisations.filter((id) => id !== thread.authorOrganisationId),
      people: checked.people.filter((id) => id !== thread.authorId),
    };
    const lowered = widens(from, to);
    await tx.update(threads).set({ marking: to.marking }).where(eq(threads.id, thread.id));
    await writeThreadMarking(tx, thread.id, { id: thread.authorId, organisationId: thread.authorOrganisationId }, to);
    await audit(
      {
        actorId: viewer.id,
        action: 'thread.marking_changed',
        targetType: 'thread',
        targetId: thread.id,
        ip: request.ip,
        details: { from: from.marking, to: to.marking, lowered, organisations: to.organisations, people: to.people },
      },
      tx,
    );
    if (lowered && thread.authorId !== viewer.id) await notifyMarkingLowered(tx, { threadId: thread.id }, thread.authorId, viewer.id);
    return { lowered };
  });
}

/**
 * Who an AMBER, AMBER+STRICT or RED thread is for, as its page shows it to those who see it: the
 * organisations in thread_marking_orgs, the people in thread_marking_people (the author included).
 */
export async function threadMarkingAudience(
  viewer: Viewer,
  threadId: string,
): Promise<{ organisations: { id: string; name: string }[]; people: { id: string; name: string }[] }> {
  const thread = await getThread(viewer, threadId);
  const db = getDb();
  const [orgs, people] = await Promise.all([
    thread.marking === 'amber' || thread.marking === 'amber_strict'
      ? db
          .select({ id: organisations.id, name: organisations.name })
          .from(threadMarkingOrgs)
          .innerJoin(organisations, eq(organisations.id, threadMarkingOrgs.organisationId))
          .where(eq(threadMarkingOrgs.threadId, thread.id))
          .orderBy(asc(organisations.name))
      : [],
    thread.marking === 'red'
      ? db
          .select({ id: users.id, name: users.name })
          .from(threadMarkingPeople)
          .innerJoin(users, eq(users.id, threadMarkingPeople.userId))
          .where(eq(threadMarkingPeople.threadId, thread.id))
          .orderBy(asc(users.name))
      : [],
  ]);
  return { organisations: orgs, people };
}
