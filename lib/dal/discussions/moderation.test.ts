import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema';
import { everyRole, signedIn } from '@/testing/factories';
import { createSpace, request, withoutPostingLimits } from '@/testing/discussions';
import { NotFoundError } from '@/lib/errors';
import { listNotifications } from '@/lib/dal/notifications/notifications';
import { listPosts } from './posts';
import { createReply, createThread } from './posts-write';
import { moveThread, resolveReport, setPostHidden, setThreadLocked, setThreadPinned } from './moderation';
import { listOpenReports, reportPost } from '@/lib/dal/moderation/reports';
import { getThread, listThreads } from './threads';
import { clearUrgent, setUrgent } from './threads';

let roles: Awaited<ReturnType<typeof everyRole>>;
let author: Awaited<ReturnType<typeof signedIn>>;
let spaceId: string;
let otherSpaceId: string;

beforeAll(async () => {
  withoutPostingLimits();
  roles = await everyRole();
  author = await signedIn();
  spaceId = (await createSpace()).id;
  otherSpaceId = (await createSpace({ access: 'sector', sectors: ['government'] })).id;
});

describe('moderation', () => {
  it('is refused to members and focal points', async () => {
    const { threadId } = await createThread(author, { spaceId, title: 'Moderated', body: 'Hello', urgent: false }, request);
    const [post] = await listPosts(author, threadId, 1);
    for (const v of [roles.member, roles.focalPoint, author]) {
      await expect(listOpenReports(v)).rejects.toBeInstanceOf(NotFoundError);
      await expect(setPostHidden(v, post!.id, { reason: 'no' }, request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(setThreadLocked(v, threadId, true, request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(setThreadPinned(v, threadId, true, request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(moveThread(v, threadId, otherSpaceId, request)).rejects.toBeInstanceOf(NotFoundError);
      await expect(clearUrgent(v, threadId, request)).rejects.toBeInstanceOf(NotFoundError);
    }
    // Only the author or a moderator may flag a thread urgent.
    await expect(setUrgent(roles.member, threadId, 'Because', request)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getThread(author, threadId)).isLocked).toBe(false);
  });

  it('reports, hides with a reason (author notified), restores, resolves — all audited — for moderators and admins', async () => {
    for (const mod of [roles.moderator, roles.admin]) {
      const { threadId } = await createThread(author, { spaceId, title: `Reported ${mod.role}`, body: 'Problem post', urgent: false }, request);
      const [post] = await listPosts(author, threadId, 1);
      await reportPost(roles.member, post!.id, 'Shares identifying details', request);
      await expect(reportPost(roles.member, post!.id, 'Again', request)).rejects.toMatchObject({ messageKey: 'discussions.report.already' });
      const queue = await listOpenReports(mod);
      const report = queue.items.find((r) => r.postId === post!.id)!;
      expect(report).toMatchObject({ reason: 'Shares identifying details', threadTitle: `Reported ${mod.role}` });
      await setPostHidden(mod, post!.id, { reason: 'Identifying details' }, request);
      expect((await listPosts(roles.member, threadId, 1))[0]).toMatchObject({ hidden: true, cooked: null });
      expect((await listPosts(author, threadId, 1))[0]).toMatchObject({ hidden: true, cooked: null, hiddenReason: 'Identifying details' });
      expect((await listPosts(mod, threadId, 1))[0]!.cooked).toContain('Problem post');
      expect((await listNotifications(author)).items.some((n) => n.kind === 'post_hidden' && n.threadId === threadId)).toBe(true);
      await setPostHidden(mod, post!.id, null, request);
      expect((await listPosts(roles.member, threadId, 1))[0]!.cooked).toContain('Problem post');
      await setThreadPinned(mod, threadId, true, request);
      expect((await listThreads(roles.member, spaceId)).items[0]!.id).toBe(threadId);
      await setThreadLocked(mod, threadId, true, request);
      await expect(createReply(author, { threadId, body: 'Locked?' })).rejects.toMatchObject({ messageKey: 'discussions.thread.lockedNotice' });
      await setThreadLocked(mod, threadId, false, request);
      await createReply(author, { threadId, body: 'Unlocked' });
      await moveThread(mod, threadId, otherSpaceId, request);
      await expect(getThread(roles.member, threadId)).rejects.toBeInstanceOf(NotFoundError); // civil society member, government space
      await resolveReport(mod, report.id, request);
      expect((await listOpenReports(mod)).items.find((r) => r.id === report.id)).toBeUndefined();
      const actions = (
        await getDb()
          .select({ action: auditLog.action })
          .from(auditLog)
          .where(inArray(auditLog.targetId, [threadId, post!.id, report.id]))
          .orderBy(auditLog.id)
      ).map((r) => r.action);
      expect(actions).toEqual([
        'post.reported',
        'post.hidden',
        'post.restored',
        'thread.pinned',
        'thread.locked',
        'thread.unlocked',
        'thread.moved',
        'report.resolved',
      ]);
      const [hiddenRow] = await getDb().select().from(auditLog).where(eq(auditLog.action, 'post.hidden')).limit(1);
      expect(hiddenRow!.ip).toBe(request.ip);
    }
  });
});
