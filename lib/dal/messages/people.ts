/**
 * People in direct messages: who the viewer may write to (`addableBy`, ./access.ts: the directory's rule,
 * less those who blocked the viewer) and, for mentions, the other participants of a conversation the
 * viewer is in (`conversationAccess`; NotFoundError otherwise).
 */
import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { conversationParticipants, conversations, organisations, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { containsText } from '@/lib/dal/matching';
import { isUuid } from '@/lib/dal/pagination';
import { NotFoundError } from '@/lib/errors';
import { addableBy, conversationAccess } from './access';
import { GROUP_MAX } from './write';

export interface Candidate {
  id: string;
  name: string;
  organisationName: string;
}

/** People the viewer may write to whose name contains `q` (the type-ahead of /messages/new). */
export async function messageCandidates(viewer: Viewer, q: string): Promise<Candidate[]> {
  const text = q.trim();
  if (text.length < 2) return [];
  return getDb()
    .select({ id: users.id, name: users.name, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(containsText(users.name, text), addableBy(viewer)))
    .orderBy(asc(users.name))
    .limit(8);
}

/** The named people, if the viewer may write to them (a profile's "Message" button pre-fills /messages/new). */
export async function addableById(viewer: Viewer, ids: string[]): Promise<Candidate[]> {
  const valid = ids.filter(isUuid).slice(0, GROUP_MAX);
  if (!valid.length) return [];
  return getDb()
    .select({ id: users.id, name: users.name, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        sql`${users.id} in (${sql.join(
          valid.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
        addableBy(viewer),
      ),
    )
    .orderBy(asc(users.name));
}

/** The conversation's other current participants whose name contains `q` (the editor's mention box). */
export async function mentionableParticipants(viewer: Viewer, unsafeConversationId: string, q: string): Promise<Candidate[]> {
  if (!isUuid(unsafeConversationId)) throw new NotFoundError('conversation');
  const [conversation] = await getDb()
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.id, unsafeConversationId), conversationAccess(viewer)))
    .limit(1);
  if (!conversation) throw new NotFoundError('conversation');
  return getDb()
    .select({ id: users.id, name: users.name, organisationName: organisations.name })
    .from(conversationParticipants)
    .innerJoin(users, eq(users.id, conversationParticipants.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(conversationParticipants.conversationId, conversation.id),
        sql`"conversation_participants"."left_at" is null and ${users.status} = 'active'`,
        sql`${users.id} <> ${viewer.id}::uuid`,
        containsText(users.name, q),
      ),
    )
    .orderBy(asc(users.name))
    .limit(8);
}
