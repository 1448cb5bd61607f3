import { beforeAll, describe, expect, it, vi } from 'vitest';
import { config } from '@/lib/config';
import { listPosts } from '@/lib/dal/discussions/posts';
import { createThread } from '@/lib/dal/discussions/posts-write';
import { listMessages } from '@/lib/dal/messages/conversations';
import { startConversation } from '@/lib/dal/messages/write';
import { createSpace, request } from '@/testing/discussions';
import { createOrganisation, signedIn } from '@/testing/factories';
import { linkedResourceIds } from './cards';
import { createResource } from './write';

vi.mock('@/lib/email', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/email')>()), deliverSoon: vi.fn() }));

type V = Awaited<ReturnType<typeof signedIn>>;
let writer: V, colleague: V, reader: V;
let open: string, internal: string;

const resource = (who: V, title: string, visibility: 'all_members' | 'organisation') =>
  createResource(
    who,
    {
      title,
      description: '',
      type: 'guidance_toolkit',
      topics: [],
      languages: [],
      visibility,
      sectors: [],
      kind: 'link',
      url: 'https://example.org/doc',
    },
    request,
  );

beforeAll(async () => {
  const org = await createOrganisation({ sector: 'civil_society', name: 'Helpline Network' });
  writer = await signedIn({ organisationId: org.id });
  colleague = await signedIn({ organisationId: org.id });
  reader = await signedIn({ sector: 'government' });
  open = await resource(writer, 'Referral toolkit', 'all_members');
  internal = await resource(writer, 'Internal rota', 'organisation');
});

const body = () =>
  [
    `See [the toolkit](/resources/${open}) and [our rota](${config().APP_URL}/resources/${internal}),`,
    `the toolkit again (/resources/${open}) and [elsewhere](https://example.org/resources/${internal}).`,
  ].join(' ');

describe('links to resources as cards', () => {
  it('finds relative and own-site links once each, not other sites’', () => {
    const html = `<a href="/resources/${open}">a</a> <a href="${config().APP_URL}/resources/${internal}?x=1">b</a> <a href="/resources/${open}">c</a> <a href="https://example.org/resources/${internal}">d</a>`;
    expect(linkedResourceIds(html)).toEqual([open, internal]);
  });

  it('in a message, each reader gets cards only for the resources they may see', async () => {
    const { conversationId } = await startConversation(writer, { recipientIds: [colleague.id, reader.id], subject: 'Links', body: body() });
    const cardsOf = async (who: V) => (await listMessages(who, conversationId)).items[0]!.resourceCards;
    expect(await cardsOf(colleague)).toEqual([
      { id: open, title: 'Referral toolkit', type: 'guidance_toolkit', organisationName: 'Helpline Network' },
      { id: internal, title: 'Internal rota', type: 'guidance_toolkit', organisationName: 'Helpline Network' },
    ]);
    // The other organisation's member: the own-organisation resource stays a plain link, nothing about it shown.
    expect((await cardsOf(reader)).map((c) => c.title)).toEqual(['Referral toolkit']);
  });

  it('in a post likewise', async () => {
    const spaceId = (await createSpace()).id;
    const { threadId } = await createThread(writer, { spaceId, title: 'Resources', body: body(), urgent: false }, request);
    expect((await listPosts(colleague, threadId, 1))[0]!.resourceCards!.map((c) => c.title)).toEqual(['Referral toolkit', 'Internal rota']);
    expect((await listPosts(reader, threadId, 1))[0]!.resourceCards!.map((c) => c.title)).toEqual(['Referral toolkit']);
  });
});
