import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { createReply, createThread } from '@/lib/dal/discussions/posts-write';
import { blockMember, markConversationRead } from '@/lib/dal/messages/manage';
import { sendMessage, startConversation } from '@/lib/dal/messages/write';
import { stopLiveBus } from '@/lib/live/bus';
import { addMember, addNotification, createSpace, removeMember, request, withoutPostingLimits } from '@/testing/discussions';
import { signedIn } from '@/testing/factories';
import { actAs } from '@/testing/request-scope';
import { GET } from './route';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);

type V = Awaited<ReturnType<typeof signedIn>>;
let author: V, reader: V, outsider: V;
let spaceId: string, threadId: string;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens /api/events as `who` and reads it in the background; `until` waits for the text to match. */
async function open(who: V, query = '', headers: Record<string, string> = {}) {
  await actAs(who);
  const abort = new AbortController();
  const res = await GET(
    new Request(`http://localhost/api/events${query}`, { headers: { 'sec-fetch-site': 'same-origin', ...headers }, signal: abort.signal }),
  );
  let text = '';
  let ended = false;
  if (res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      ended = true;
    })().catch(() => (ended = true));
  }
  return {
    res,
    text: () => text,
    ended: () => ended,
    async until(check: (text: string) => boolean, ms = 3_000) {
      const deadline = Date.now() + ms;
      while (!check(text) && Date.now() < deadline) await sleep(20);
      return text;
    },
    close: () => abort.abort(),
  };
}
const postsIn = (text: string) => [...text.matchAll(/id: (\d+)\nevent: post\ndata: \{"number":(\d+)\}/g)].map((m) => Number(m[2]));

beforeAll(async () => {
  withoutPostingLimits();
  author = await signedIn();
  reader = await signedIn();
  outsider = await signedIn();
  spaceId = (await createSpace({ access: 'request', name: 'Hotline coordination' })).id;
  await addMember(spaceId, author.id);
  await addMember(spaceId, reader.id);
  threadId = (await createThread(author, { spaceId, title: 'Restricted title', body: 'first', urgent: false }, request)).threadId;
  await createReply(author, { threadId, body: 'second' });
  await createReply(reader, { threadId, body: 'third, by the reader' });
  await createReply(author, { threadId, body: 'fourth' });
});
afterAll(() => stopLiveBus());

describe('GET /api/events', () => {
  it('refuses the signed out and other sites, and streams privately and unbuffered', async () => {
    await actAs(null);
    expect((await GET(new Request('http://localhost/api/events'))).status).toBe(401);
    await actAs(reader);
    expect((await GET(new Request('http://localhost/api/events', { headers: { 'sec-fetch-site': 'cross-site' } }))).status).toBe(403);
    const stream = await open(reader);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.res.headers.get('cache-control')).toBe('private, no-store, no-transform');
    expect(stream.res.headers.get('x-accel-buffering')).toBe('no');
    expect(await stream.until((t) => t.includes('event: unread'))).toMatch(/^retry: 5000\n\nevent: unread\ndata: \{"count":\d+\}\n\n/);
    stream.close();
  });

  it('replays the posts after the page (or after Last-Event-ID) the member may see, not their own', async () => {
    const fromPage = await open(reader, `?thread=${threadId}&after=1`);
    expect(postsIn(await fromPage.until((t) => postsIn(t).length >= 2))).toEqual([2, 4]);
    fromPage.close();
    const resumed = await open(reader, `?thread=${threadId}&after=1`, { 'last-event-id': '2' });
    expect(postsIn(await resumed.until((t) => postsIn(t).length >= 1))).toEqual([4]);
    resumed.close();
    const outside = await open(outsider, `?thread=${threadId}&after=0`);
    await outside.until((t) => t.includes('event: unread'));
    await sleep(200);
    expect(postsIn(outside.text())).toEqual([]);
    outside.close();
  });

  it('forwards a new reply live, and the unread count, only while the member may see the space', async () => {
    const stream = await open(reader, `?thread=${threadId}&after=4`);
    await stream.until((t) => t.includes('event: unread'));
    const { number } = await createReply(author, { threadId, body: 'fifth' });
    expect(postsIn(await stream.until((t) => postsIn(t).includes(number)))).toEqual([number]);
    await addNotification({ userId: reader.id, kind: 'reply', dedupeKey: `live-test-${number}`, spaceId, threadId, actorId: author.id });
    expect(await stream.until((t) => t.includes('data: {"count":1}'))).toContain('event: unread\ndata: {"count":1}');

    await removeMember(spaceId, reader.id);
    const later = await createReply(author, { threadId, body: 'sixth, after the reader left' });
    await addNotification({ userId: reader.id, kind: 'reply', dedupeKey: `live-test-${later.number}`, spaceId, threadId, actorId: author.id });
    // The notification of the space they left no longer counts: the count falls to 0.
    expect(await stream.until((t) => t.includes('data: {"count":0}'))).toContain('event: unread\ndata: {"count":0}');
    expect(postsIn(stream.text())).toEqual([number]);
    stream.close();
  });

  it('counts conversations with unread direct messages live, for participants only, and not from a member they blocked', async () => {
    const [writer, recipient, stranger, pest] = [await signedIn(), await signedIn(), await signedIn(), await signedIn()];
    const streams = { recipient: await open(recipient), stranger: await open(stranger) };
    for (const stream of Object.values(streams)) await stream.until((t) => t.includes('event: messages'));
    expect(streams.recipient.text()).toContain('event: messages\ndata: {"count":0}');
    const { conversationId } = await startConversation(writer, { recipientIds: [recipient.id], body: 'Are you free on Thursday?' });
    expect(await streams.recipient.until((t) => t.includes('data: {"count":1}'))).toContain('event: messages\ndata: {"count":1}');
    await sendMessage(writer, { conversationId, body: 'Thursday at ten?' });
    // A group with a member the recipient then blocks, read since: the blocked member's new message is not counted.
    const { conversationId: group } = await startConversation(pest, { recipientIds: [writer.id, recipient.id], body: 'Hello all' });
    await streams.recipient.until((t) => t.includes('data: {"count":2}'));
    await blockMember(recipient, pest.id, request);
    await markConversationRead(recipient, group);
    await sendMessage(pest, { conversationId: group, body: 'And again' });
    await streams.recipient.until((t) => (t.match(/event: messages/g) ?? []).length >= 4);
    expect(streams.recipient.text().match(/event: messages\ndata: \{"count":(\d+)\}/g)).toEqual([
      'event: messages\ndata: {"count":0}',
      'event: messages\ndata: {"count":1}',
      'event: messages\ndata: {"count":2}',
      'event: messages\ndata: {"count":1}',
    ]);
    expect(streams.stranger.text().match(/event: messages/g)).toHaveLength(1);
    for (const stream of Object.values(streams)) stream.close();
  });

  it('announces the open conversation’s new messages that reach the member: not their own, not a blocked member’s, not to others', async () => {
    const [writer, reader, pest, stranger] = [await signedIn(), await signedIn(), await signedIn(), await signedIn()];
    const { conversationId } = await startConversation(writer, { recipientIds: [reader.id, pest.id], subject: 'Rota', body: 'One' });
    await blockMember(reader, pest.id, request);
    const dms = (text: string) => [...text.matchAll(/id: (\d+)\nevent: dm\ndata: \{"number":(\d+)\}/g)].map((m) => Number(m[2]));
    const streams = {
      reader: await open(reader, `?conversation=${conversationId}&after=1`),
      stranger: await open(stranger, `?conversation=${conversationId}&after=0`),
    };
    for (const stream of Object.values(streams)) await stream.until((t) => t.includes('event: messages'));
    await sendMessage(writer, { conversationId, body: 'Two' });
    expect(dms(await streams.reader.until((t) => dms(t).includes(2)))).toEqual([2]);
    await sendMessage(pest, { conversationId, body: 'Three, from the blocked member' });
    await sendMessage(writer, { conversationId, body: 'Four' });
    await sendMessage(reader, { conversationId, body: 'Five, my own' });
    await sendMessage(writer, { conversationId, body: 'Six' });
    expect(dms(await streams.reader.until((t) => dms(t).includes(6)))).toEqual([2, 4, 6]);
    // A stream that opens after them (or resumes) replays what it missed, under the same rule.
    const later = await open(reader, `?conversation=${conversationId}&after=1`);
    expect(dms(await later.until((t) => dms(t).includes(6)))).toEqual([2, 4, 6]);
    // Asking for a conversation one is not in tells nothing, now or on replay.
    const asked = await open(stranger, `?conversation=${conversationId}&after=0`);
    await asked.until((t) => t.includes('event: messages'));
    expect(dms(asked.text() + streams.stranger.text())).toEqual([]);
    for (const stream of [...Object.values(streams), later, asked]) stream.close();
  });

  it('closes the stream at the next event once the session has ended', async () => {
    const who = await signedIn();
    const stream = await open(who);
    await stream.until((t) => t.includes('event: unread'));
    await revokeAllSessions(who.id);
    await addNotification({ userId: who.id, kind: 'mention', dedupeKey: 'live-test-ended', spaceId, actorId: author.id });
    await stream.until(() => stream.ended());
    expect(stream.ended()).toBe(true);
  });
});
