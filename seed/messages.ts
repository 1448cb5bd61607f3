import { inArray } from 'drizzle-orm';
import type { Tx } from '@/db/index';
import { conversationParticipants, conversations, directMessages, users } from '@/db/schema';
import { cookMarkdown, markdownToPlainText } from '@/lib/markdown';

/**
 * Demo direct messages (decision 023): one calm conversation between two demo members, so the inbox and a
 * conversation page have something to show (and the accessibility crawl reaches them).
 */
const CONVERSATION = {
  people: ['es@demo.example', 'pt@demo.example'],
  messages: [
    {
      by: 'es@demo.example',
      body: 'Hola Ana, thank you for your post on referral pathways. Could we compare how our helplines hand over cases to the police?',
    },
    {
      by: 'pt@demo.example',
      body: 'Of course. I will share our **protocol summary** this week; it is in Portuguese, but the flowchart speaks for itself.',
    },
  ],
};

export async function seedMessages(tx: Tx): Promise<void> {
  const people = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, CONVERSATION.people));
  const idOf = new Map(people.map((p) => [p.email, p.id]));
  if (people.length !== CONVERSATION.people.length) return;
  const [conversation] = await tx
    .insert(conversations)
    .values({ isGroup: false, createdBy: idOf.get(CONVERSATION.people[0]!)!, messageCount: CONVERSATION.messages.length })
    .returning({ id: conversations.id });
  const joined = new Date(Date.now() - 48 * 3600_000);
  await tx
    .insert(conversationParticipants)
    .values(people.map((p) => ({ conversationId: conversation!.id, userId: p.id, joinedAt: joined, lastReadNumber: CONVERSATION.messages.length })));
  for (const [i, m] of CONVERSATION.messages.entries()) {
    const cooked = await cookMarkdown(m.body);
    await tx.insert(directMessages).values({
      conversationId: conversation!.id,
      number: i + 1,
      authorId: idOf.get(m.by)!,
      body: m.body,
      cooked,
      plainText: markdownToPlainText(cooked),
      createdAt: new Date(joined.getTime() + (i + 1) * 3600_000),
    });
  }
}
