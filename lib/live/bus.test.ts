import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { notifications } from '@/db/schema';
import { createReply, createThread } from '@/lib/dal/discussions/posts-write';
import { addMember, createSpace, request, withoutPostingLimits } from '@/testing/discussions';
import { signedIn } from '@/testing/factories';
import { parseLiveEvent, stopLiveBus, subscribe, type LiveEvent } from './bus';

afterAll(() => stopLiveBus());

describe('the live-event bus', () => {
  it('hears posts and notifications from the triggers, with ids only (never a title or a body)', async () => {
    withoutPostingLimits();
    const author = await signedIn();
    const member = await signedIn();
    const space = await createSpace({ access: 'request', name: 'Case review cell' });
    await addMember(space.id, author.id);
    const heard: LiveEvent[] = [];
    const stop = await subscribe((event) => heard.push(event));
    const { threadId } = await createThread(author, { spaceId: space.id, title: 'Secret title', body: 'secret body', urgent: false }, request);
    const { postId } = await createReply(author, { threadId, body: 'another secret body' });
    await getDb()
      .insert(notifications)
      .values([member.id, author.id].map((userId) => ({ userId, kind: 'reply' as const, dedupeKey: `bus-${userId}`, threadId, actorId: author.id })));
    await getDb().insert(notifications).values({ userId: member.id, kind: 'reply', dedupeKey: 'bus-email-only', threadId, inPortal: false });
    await expect.poll(() => heard.length).toBe(3);
    stop();
    expect(heard[1]).toEqual({ k: 'post', thread: threadId, post: postId });
    expect(heard[2]!.k).toBe('unread');
    expect(new Set((heard[2] as { users: string[] }).users)).toEqual(new Set([member.id, author.id]));
    expect(JSON.stringify(heard)).not.toMatch(/secret/i);
  });

  it('ignores a payload that is not one of its events', () => {
    expect(parseLiveEvent('{"k":"post","thread":"x"}')).toBeNull();
    expect(parseLiveEvent('not json')).toBeNull();
    expect(parseLiveEvent('{"k":"unread"}')).toEqual({ k: 'unread' });
  });
});
