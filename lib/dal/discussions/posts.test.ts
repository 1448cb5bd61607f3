import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, posts } from '@/db/schema';
import { signedIn } from '@/testing/factories';
import { POSTING_LIMITS } from '@/lib/dal/discussions/limits';
import { createSpace, request, withoutPostingLimits } from '@/testing/discussions';
import { NotFoundError, UserError } from '@/lib/errors';
import { POSTS_PER_PAGE } from '@/lib/validation/discussions';
import { runDueJobs } from '@/lib/jobs';
import '@/lib/dal/discussions/jobs';
import { listNotifications, markNotificationsRead, unreadNotificationCount } from '@/lib/dal/notifications/notifications';
import { getPostSource, listPosts, listRevisions } from './posts';
import { createReply, createThread, deletePost, editPost, previewPost } from './posts-write';
import { followSpace } from './spaces';
import { followThread, getThread, listThreads, markThreadRead } from './threads';
import { mentionMarkdown } from '@/lib/dal/discussions/mentions';

type V = Awaited<ReturnType<typeof signedIn>>;
let a: V, b: V, c: V, moderator: V;
let spaceId: string;

beforeAll(async () => {
  a = await signedIn();
  b = await signedIn();
  c = await signedIn();
  moderator = await signedIn({ role: 'moderator' });
  spaceId = (await createSpace()).id;
});

describe('markdown in posts', () => {
  it('comes out inert: no script, javascript: links, event handlers, iframes or raw HTML', async () => {
    const restore = withoutPostingLimits();
    const evil = [
      '<script>alert(1)</script>',
      '[click](javascript:alert(1))',
      '<a href="https://example.org" onclick="alert(1)">x</a>',
      '<img src=x onerror=alert(1)>',
      '<iframe src="https://example.org"></iframe>',
      '<div style="position:fixed">raw</div>',
      '[data](data:text/html;base64,PHNjcmlwdD4=)',
      '**bold** and a [safe link](https://example.org)',
    ].join('\n\n');
    const { threadId } = await createThread(a, { spaceId, title: 'Inert markdown', body: evil, urgent: false }, request);
    const [post] = await listPosts(a, threadId, 1);
    for (const html of [post!.cooked!, await previewPost(evil)]) {
      expect(html).not.toMatch(/<script|<iframe|<img|<div|onclick|onerror|javascript:|data:text|style=/i);
      expect(html).toContain('<strong>bold</strong>');
      expect(html).toMatch(/<a href="https:\/\/example.org" rel="nofollow noopener noreferrer ugc" target="_blank">safe link<\/a>/);
    }
    restore();
  });
});

describe('posting', () => {
  it('numbers replies, tracks unread per member, and pages by POSTS_PER_PAGE', async () => {
    const restore = withoutPostingLimits();
    try {
      const last = POSTS_PER_PAGE + 3;
      const { threadId } = await createThread(a, { spaceId, title: 'Long thread', body: 'First post', urgent: false }, request);
      for (let i = 2; i <= last; i++) await createReply(i % 2 ? a : b, { threadId, body: `Reply number ${i}` });
      expect((await listPosts(c, threadId, 1)).map((p) => p.number)).toEqual(Array.from({ length: POSTS_PER_PAGE }, (_, i) => i + 1));
      expect((await listPosts(c, threadId, 2)).map((p) => p.number)).toEqual([last - 2, last - 1, last]);
      const row = async (v: V) => (await listThreads(v, spaceId)).items.find((t) => t.id === threadId)!;
      expect((await row(c)).unread).toBeNull(); // never opened
      expect(await row(a)).toMatchObject({ replies: last - 1, unread: 0 });
      await markThreadRead(c, threadId, POSTS_PER_PAGE);
      expect((await row(c)).unread).toBe(3);
      expect((await getThread(c, threadId)).lastReadNumber).toBe(POSTS_PER_PAGE);
      await markThreadRead(c, threadId, 5); // never backwards
      expect((await getThread(c, threadId)).lastReadNumber).toBe(POSTS_PER_PAGE);
    } finally {
      // A failure above must not leave the limits off for the tests after it.
      restore();
    }
  });

  it('keeps edit history for moderators and shows removed posts as placeholders', async () => {
    const restore = withoutPostingLimits();
    const { threadId } = await createThread(a, { spaceId, title: 'Edits', body: 'Original text', urgent: false }, request);
    const [first] = await listPosts(a, threadId, 1);
    await expect(editPost(b, first!.id, 'Not mine')).rejects.toBeInstanceOf(NotFoundError);
    await editPost(a, first!.id, 'Corrected text');
    const [edited] = await listPosts(b, threadId, 1);
    expect(edited!.cooked).toContain('Corrected text');
    expect(edited!.editedAt).not.toBeNull();
    await expect(listRevisions(a, first!.id)).rejects.toBeInstanceOf(NotFoundError);
    const history = await listRevisions(moderator, first!.id);
    expect(history.map((h) => h.cooked)).toEqual([expect.stringContaining('Original text')]);
    await expect(deletePost(b, first!.id, request)).rejects.toBeInstanceOf(NotFoundError);
    await deletePost(a, first!.id, request);
    const [removed] = await listPosts(b, threadId, 1);
    expect(removed).toMatchObject({ deleted: true, cooked: null });
    await expect(getPostSource(b, first!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getDb().select().from(auditLog).where(eq(auditLog.targetId, first!.id))).map((r) => r.action)).toEqual(['post.deleted']);
    restore();
  });

  it('applies the posting limits with a clear message', async () => {
    const poster = await signedIn();
    const { threadId } = await createThread(poster, { spaceId, title: 'Limits', body: 'First words here', urgent: false }, request);
    await expect(createThread(poster, { spaceId, title: 'Too soon', body: 'Another thread', urgent: false }, request)).rejects.toMatchObject({
      messageKey: 'discussions.limits.thread',
    });
    await expect(createReply(poster, { threadId, body: 'Quick reply' })).rejects.toMatchObject({ messageKey: 'discussions.limits.post' });
    // Back-date the post: the 5-second limit has passed, but the same body within 5 minutes is refused.
    await getDb().execute(
      (await import('drizzle-orm')).sql`update posts set created_at = now() - interval '10 seconds' where author_id = ${poster.id}::uuid`,
    );
    await getDb().execute(
      (await import('drizzle-orm')).sql`update threads set created_at = now() - interval '20 seconds' where author_id = ${poster.id}::uuid`,
    );
    const dup = createReply(poster, { threadId, body: '  first WORDS   here ' });
    await expect(dup).rejects.toBeInstanceOf(UserError);
    await expect(dup).rejects.toMatchObject({ messageKey: 'discussions.limits.duplicate', field: 'body' });
    await expect(createReply(poster, { threadId, body: 'Something new' })).resolves.toMatchObject({ number: 2 });
    expect(POSTING_LIMITS).toMatchObject({ threadSeconds: 15, postSeconds: 5, duplicateMinutes: 5 });
  });
});

describe('notifications', () => {
  it('tells followers about replies, lets them unfollow, and marks read', async () => {
    const restore = withoutPostingLimits();
    const { threadId } = await createThread(a, { spaceId, title: 'Followed', body: 'Start', urgent: false }, request);
    await followThread(c, threadId, true);
    await createReply(b, { threadId, body: 'A reply from b' }); // b now follows too
    await runDueJobs(50);
    const kinds = async (v: V) => (await listNotifications(v)).items.filter((n) => n.threadId === threadId).map((n) => n.kind);
    expect(await kinds(a)).toEqual(['reply']);
    expect(await kinds(c)).toEqual(['reply']);
    expect(await kinds(b)).toEqual([]); // not for one's own post
    await runDueJobs(50); // idempotent
    expect(await kinds(a)).toEqual(['reply']);
    await followThread(c, threadId, false);
    await createReply(a, { threadId, body: 'From a again' });
    await runDueJobs(50);
    expect(await kinds(c)).toEqual(['reply']);
    expect(await kinds(b)).toEqual(['reply']);
    const unread = await unreadNotificationCount(a);
    expect(unread).toBeGreaterThan(0);
    await markNotificationsRead(a, 'all');
    expect(await unreadNotificationCount(a)).toBe(0);
    // someone else cannot mark mine read
    const [mine] = (await listNotifications(b)).items;
    await markNotificationsRead(c, [mine!.id]);
    expect((await listNotifications(b)).items[0]!.readAt).toBeNull();
    expect((await getDb().select().from(posts).where(eq(posts.threadId, threadId))).length).toBe(3);
    restore();
  });

  it('tells space followers about new threads, and a mentioned follower gets one notification, not two', async () => {
    const restore = withoutPostingLimits();
    const follower = await signedIn();
    await followSpace(follower, spaceId, true);
    const { threadId } = await createThread(a, { spaceId, title: 'For followers', body: 'New here', urgent: false }, request);
    await followThread(follower, threadId, true);
    await createReply(b, { threadId, body: `Over to ${mentionMarkdown('Follower', follower.id)}` });
    await runDueJobs(50);
    const mine = (await listNotifications(follower)).items.filter((n) => n.threadId === threadId).map((n) => n.kind);
    expect(mine.sort()).toEqual(['mention', 'new_thread']);
    await followSpace(follower, spaceId, false);
    const second = (await createThread(a, { spaceId, title: 'Unfollowed', body: 'Quiet', urgent: false }, request)).threadId;
    await runDueJobs(50);
    expect((await listNotifications(follower)).items.some((n) => n.threadId === second)).toBe(false);
    restore();
  });
});
