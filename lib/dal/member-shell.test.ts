import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createThread } from '@/lib/dal/discussions/posts-write';
import { runDueJobs } from '@/lib/jobs';
import '@/lib/dal/discussions/jobs';
import '@/lib/dal/notifications/jobs';
import { unreadConversationCount } from '@/lib/dal/messages/conversations';
import { startConversation } from '@/lib/dal/messages/write';
import { markThreadNotificationsRead, unreadNotificationCount } from '@/lib/dal/notifications/notifications';
import { listUnopenedUrgentThreads } from '@/lib/dal/notifications/urgent';
import { addMember, createSpace, request, withoutPostingLimits } from '@/testing/discussions';
import { signedIn } from '@/testing/factories';
import { memberShellState } from './member-shell';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

type V = Awaited<ReturnType<typeof signedIn>>;
let author: V, insider: V, outsider: V;
const threadIds: string[] = [];

beforeAll(async () => {
  withoutPostingLimits();
  author = await signedIn();
  insider = await signedIn();
  outsider = await signedIn();
  const space = (await createSpace({ access: 'request', name: 'Shell cell' })).id;
  await addMember(space, author.id);
  await addMember(space, insider.id);
  for (const title of ['First urgent', 'Second urgent']) {
    const input = { spaceId: space, title, body: 'x', urgent: true, urgentReason: 'Live stream' };
    threadIds.push((await createThread(author, input, request)).threadId);
  }
  await runDueJobs(50);
  await startConversation(author, { recipientIds: [insider.id], body: 'Can you look at the second one?' });
});

/** What each part's own query says, asked one by one. */
async function apart(v: V) {
  return {
    unreadNotifications: await unreadNotificationCount(v),
    unreadConversations: await unreadConversationCount(v),
    urgentThreads: (await listUnopenedUrgentThreads(v)).map(({ id, title, language, spaceName }) => ({ id, title, language, spaceName })),
  };
}

describe("the member frame's state in one statement", () => {
  it('is what the notifications, conversations and urgent-thread queries say apart, newest urgent thread first', async () => {
    const state = await memberShellState(insider);
    expect(state).toEqual(await apart(insider));
    expect(state.unreadNotifications).toBeGreaterThanOrEqual(2);
    expect(state.unreadConversations).toBe(1);
    expect(state.urgentThreads.map((t) => t.title)).toEqual(['Second urgent', 'First urgent']);
    expect(state.urgentThreads[0]).toEqual({ id: threadIds[1], title: 'Second urgent', language: 'en', spaceName: 'Shell cell' });
  });

  it('gives someone outside the space nothing of it', async () => {
    expect(await memberShellState(outsider)).toEqual({ unreadNotifications: 0, unreadConversations: 0, urgentThreads: [] });
    expect(await memberShellState(outsider)).toEqual(await apart(outsider));
  });

  it('follows what the member opens', async () => {
    await markThreadNotificationsRead(insider, threadIds[1]!);
    const state = await memberShellState(insider);
    expect(state.urgentThreads.map((t) => t.id)).toEqual([threadIds[0]]);
    expect(state).toEqual(await apart(insider));
  });
});
