import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { directMessages, posts, resources, threads } from '@/db/schema';
import { createReply, createThread, editPost } from '@/lib/dal/discussions/posts-write';
import { editMessage, sendMessage, startConversation } from '@/lib/dal/messages/write';
import { createResource, updateResource } from '@/lib/dal/resources/write';
import { IdentifyingDetailsError } from '@/lib/errors';
import { auditRowsOf } from '@/testing/audit';
import { createSpace, request, withoutPostingLimits } from '@/testing/discussions';
import { signedIn } from '@/testing/factories';
import { resourceInput } from '@/testing/resources';
import { detectAll, screenIdentifying } from './check';

type V = Awaited<ReturnType<typeof signedIn>>;
let a: V, b: V;
let spaceId: string;
const PHONE = 'Her mother can be reached on +44 20 7946 0958.';

beforeAll(async () => {
  [a, b] = await Promise.all([signedIn(), signedIn()]);
  spaceId = (await createSpace()).id;
});

/** The kinds a promise was refused for (it must be refused). */
const refusedKinds = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IdentifyingDetailsError);
  return (error as IdentifyingDetailsError).kinds;
};

describe('the server check', () => {
  it('finds full personal names (server only) but not first names or mentions', () => {
    expect(detectAll('The victim, Maria Gonzalez, is twelve.').map((m) => [m.kind, m.text])).toEqual([['person_name', 'Maria Gonzalez']]);
    expect(detectAll('Thanks Sofia, see you at the reference group.')).toEqual([]);
    expect(detectAll('[@John Smith](/people/8a1c3e0f-0f3b-4c1e-9a55-1c2d3e4f5a6b) agreed')).toEqual([]);
  });

  it('refuses without the acknowledgement and passes with it', () => {
    expect(() => screenIdentifying(PHONE, false)).toThrow(IdentifyingDetailsError);
    expect(screenIdentifying(PHONE, true)).toEqual(['phone']);
    expect(screenIdentifying('Nothing to see here.', false)).toEqual([]);
  });
});

describe('posts and threads', () => {
  it('refuses a thread, a reply and an edit with a phone number until acknowledged, and audits the kinds only', async () => {
    const restore = withoutPostingLimits();
    expect(await refusedKinds(createThread(a, { spaceId, title: 'Refused thread', body: PHONE, urgent: false }, request))).toEqual(['phone']);
    expect(await getDb().select().from(posts).where(eq(posts.authorId, a.id))).toEqual([]);

    const { threadId } = await createThread(a, { spaceId, title: 'Checked thread', body: PHONE, urgent: false, identifyingChecked: true }, request);
    const [first] = await getDb().select().from(posts).where(eq(posts.threadId, threadId));
    const [row] = await auditRowsOf('content.identifying_acknowledged', { actorId: a.id, targetId: first!.id });
    expect(row).toMatchObject({ targetType: 'post', ip: request.ip, details: { kinds: ['phone'] } });
    expect(JSON.stringify(row)).not.toContain('7946');

    const body = 'Write to amira.k@example.org, case #45821.';
    expect(await refusedKinds(createReply(b, { threadId, body }, request))).toEqual(['email', 'case_number']);
    const { postId } = await createReply(b, { threadId, body, identifyingChecked: true }, request);
    expect((await auditRowsOf('content.identifying_acknowledged', { targetId: postId }))[0]!.details).toEqual({ kinds: ['email', 'case_number'] });

    const { postId: plain } = await createReply(b, { threadId, body: 'A plain reply.' });
    expect(await auditRowsOf('content.identifying_acknowledged', { targetId: plain })).toEqual([]);
    expect(await refusedKinds(editPost(b, plain, 'Photos: https://i.imgur.com/abc123.jpg'))).toEqual(['image_host_link']);
    await editPost(b, plain, 'Photos: https://i.imgur.com/abc123.jpg', { identifyingChecked: true, request });
    expect(await auditRowsOf('content.identifying_acknowledged', { targetId: plain })).toHaveLength(1);
    restore();
  });
});

describe('thread titles', () => {
  it('checks the title with the first post: a phone number in the title needs the acknowledgement, refused on the title', async () => {
    const restore = withoutPostingLimits();
    const title = 'Call her mother on +44 20 7946 0958';
    const error = await createThread(a, { spaceId, title, body: 'Nothing identifying in the post.', urgent: false }, request).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IdentifyingDetailsError);
    expect(error).toMatchObject({ kinds: ['phone'], field: 'title', byField: { title: ['phone'] } });
    expect(await getDb().select().from(threads).where(eq(threads.title, title))).toEqual([]);

    // Title and body together: each field named with its own kinds; one acknowledgement covers both.
    const both = createThread(a, { spaceId, title, body: 'Write to amira.k@example.org', urgent: false }, request);
    expect(await both.then(null, (e: IdentifyingDetailsError) => e.byField)).toEqual({ title: ['phone'], body: ['email'] });

    const { threadId } = await createThread(
      a,
      { spaceId, title, body: 'Nothing identifying in the post.', urgent: false, identifyingChecked: true },
      request,
    );
    const [first] = await getDb().select().from(posts).where(eq(posts.threadId, threadId));
    expect((await auditRowsOf('content.identifying_acknowledged', { targetId: first!.id }))[0]!.details).toEqual({ kinds: ['phone'] });
    restore();
  });
});

describe('direct messages', () => {
  it('refuses starting, sending and editing until acknowledged', async () => {
    const body = 'She was born on 12 March 2015.';
    expect(await refusedKinds(startConversation(a, { recipientIds: [b.id], subject: 'Checked', body }))).toEqual(['date_of_birth']);
    const { conversationId } = await startConversation(a, { recipientIds: [b.id], subject: 'Checked', body, identifyingChecked: true }, request);
    const [message] = await getDb().select().from(directMessages).where(eq(directMessages.conversationId, conversationId));
    expect((await auditRowsOf('content.identifying_acknowledged', { targetId: message!.id }))[0]).toMatchObject({
      targetType: 'message',
      details: { kinds: ['date_of_birth'] },
    });

    const link = 'The files: https://www.dropbox.com/s/abc/video.zip';
    expect(await refusedKinds(sendMessage(b, { conversationId, body: link }))).toEqual(['file_sharing_link']);
    const { messageId } = await sendMessage(b, { conversationId, body: link, identifyingChecked: true });
    expect(await auditRowsOf('content.identifying_acknowledged', { targetId: messageId })).toHaveLength(1);
    expect(await refusedKinds(editMessage(b, { messageId, body: 'Call 020 7946 0958' }))).toEqual(['phone']);
    await editMessage(b, { messageId, body: 'Call 020 7946 0958', identifyingChecked: true });
    expect(await auditRowsOf('content.identifying_acknowledged', { targetId: messageId })).toHaveLength(2);
  });
});

describe('resource descriptions', () => {
  it('refuses a description on the description field until acknowledged; an unchanged one is not asked again', async () => {
    const description = 'Interview with Maria Gonzalez, 12 rue de la Paix.';
    const error = await createResource(a, resourceInput({ description }), request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdentifyingDetailsError);
    expect((error as IdentifyingDetailsError).field).toBe('description');
    expect((error as IdentifyingDetailsError).kinds).toEqual(['address', 'person_name']);

    const id = await createResource(a, resourceInput({ description, identifyingChecked: true }), request);
    expect((await auditRowsOf('content.identifying_acknowledged', { targetId: id }))[0]!.details).toEqual({ kinds: ['address', 'person_name'] });
    await updateResource(a, { ...resourceInput({ description, title: 'Renamed' }), resourceId: id }, request);
    const [row] = await getDb().select({ title: resources.title }).from(resources).where(eq(resources.id, id));
    expect(row!.title).toBe('Renamed');
    expect(
      await refusedKinds(updateResource(a, { ...resourceInput({ description: `${description} DOB: 03/04/2012` }), resourceId: id }, request)),
    ).toEqual(['address', 'date_of_birth', 'person_name']);
  });
});
