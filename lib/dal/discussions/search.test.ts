import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '@/testing/factories';
import { createSpace, request, withoutPostingLimits } from '@/testing/discussions';
import { createReply, createThread } from './posts-write';
import { highlightToHtml } from '@/lib/html';
import { SEARCH_PAGE_SIZE, searchAuthorName, searchDiscussions } from './search';
import { setPostHidden } from './moderation';
import { listPosts } from './posts';

type V = Awaited<ReturnType<typeof signedIn>>;
let a: V, b: V, moderator: V;
let spaceId: string, otherSpaceId: string;

beforeAll(async () => {
  withoutPostingLimits();
  a = await signedIn();
  b = await signedIn();
  moderator = await signedIn({ role: 'moderator' });
  spaceId = (await createSpace()).id;
  otherSpaceId = (await createSpace()).id;
});

describe('discussion search', () => {
  it('finds titles and posts, ignoring accents, best first, with highlighted and escaped snippets', async () => {
    const t1 = (
      await createThread(a, { spaceId, title: 'Sextorsión financière trends', body: 'Overview of reports this quarter.', urgent: false }, request)
    ).threadId;
    const t2 = (
      await createThread(
        b,
        {
          spaceId: otherSpaceId,
          title: 'Hotline capacity',
          body: 'We saw more financiere cases <script>alert(1)</script> <b>bold</b> this month.',
          urgent: false,
        },
        request,
      )
    ).threadId;
    const result = await searchDiscussions(a, { q: 'financiere' });
    expect(result.items.map((r) => r.threadId)).toEqual([t1, t2]); // the title match ranks first
    const [title, body] = result.items;
    expect(title!.titleHtml).toContain('<mark>financière</mark>');
    expect(body!.snippetHtml).toContain('<mark>financiere</mark>');
    expect(body!.snippetHtml).not.toMatch(/<script|<b>/);
    expect(body!.snippetHtml).not.toContain('alert(1)<');
    // filters
    expect((await searchDiscussions(a, { q: 'financiere', space: otherSpaceId })).items.map((r) => r.threadId)).toEqual([t2]);
    expect((await searchDiscussions(a, { q: 'financiere', author: a.id })).items.map((r) => r.threadId)).toEqual([t1]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await searchDiscussions(a, { q: 'financiere', from: tomorrow })).items).toEqual([]);
    expect((await searchDiscussions(a, { q: 'financiere', to: tomorrow })).items).toHaveLength(2);
    // websearch syntax: exclusion
    expect((await searchDiscussions(a, { q: 'financiere -cases' })).items.map((r) => r.threadId)).toEqual([t1]);
    expect((await searchDiscussions(a, { q: '' })).items).toEqual([]);
    expect((await searchDiscussions(a, { q: '"&&& !!! :*' })).items).toEqual([]);
  });

  it('leaves out hidden posts and pages through results', async () => {
    const { threadId } = await createThread(a, { spaceId, title: 'Quokka sightings', body: 'quokka one', urgent: false }, request);
    for (let i = 0; i < SEARCH_PAGE_SIZE + 2; i++) await createReply(i % 2 ? a : b, { threadId, body: `quokka reply ${i}` });
    const first = await searchDiscussions(b, { q: 'quokka' });
    expect(first.items).toHaveLength(SEARCH_PAGE_SIZE);
    const second = await searchDiscussions(b, { q: 'quokka', cursor: first.next ?? undefined });
    expect(second.items).toHaveLength(3);
    expect(new Set([...first.items, ...second.items].map((r) => r.postId)).size).toBe(SEARCH_PAGE_SIZE + 3);
    expect(first.capped).toBe(false);
    const back = await searchDiscussions(b, { q: 'quokka', cursor: second.previous ?? undefined });
    expect(back.items.map((r) => r.postId)).toEqual(first.items.map((r) => r.postId));
    const [p] = await listPosts(a, threadId, 1);
    await setPostHidden(moderator, p!.id, { reason: 'test' }, request);
    expect((await searchDiscussions(b, { q: 'quokka one' })).items.map((r) => r.postId)).not.toContain(p!.id);
  });

  it('ranks only the newest matches beyond the cap, and says so', async () => {
    const { threadId } = await createThread(a, { spaceId, title: 'Marsupial notes', body: 'wombat 0', urgent: false }, request);
    for (let i = 1; i <= 4; i++) await createReply(b, { threadId, body: `wombat ${i}` });
    const capped = await searchDiscussions(b, { q: 'wombat' }, { candidates: 3 });
    expect(capped.capped).toBe(true);
    expect(capped.items.map((h) => h.number).sort()).toEqual([3, 4, 5]);
    const all = await searchDiscussions(b, { q: 'wombat' }, { candidates: 10 });
    expect(all.capped).toBe(false);
    expect(all.items).toHaveLength(5);
    // A title match is a candidate of its own: the first post comes back beside the newest replies.
    const titled = await searchDiscussions(b, { q: 'marsupial' }, { candidates: 1 });
    expect(titled.items.map((h) => h.number)).toEqual([1]);
    expect(titled.capped).toBe(false); // exactly as many matches as the cap: none left out
    await createThread(a, { spaceId, title: 'Marsupial habitats', body: 'burrows', urgent: false }, request);
    const two = await searchDiscussions(b, { q: 'marsupial' }, { candidates: 1 });
    expect(two.items.map((h) => h.snippetHtml)).toEqual(['burrows']);
    expect(two.capped).toBe(true);
  });

  it('never lets markers or markup from text escape the snippet', () => {
    expect(highlightToHtml('a \uE000<img src=x onerror=alert(1)>\uE001 b \uE001')).toBe('a <mark>&lt;img src=x onerror=alert(1)&gt;</mark> b ');
    expect(highlightToHtml('\uE000open')).toBe('<mark>open</mark>');
  });

  it('searchAuthorName does not return unlisted people to members', async () => {
    const unlisted = await signedIn({ listed: false, name: 'Quiet Person' });
    const admin = await signedIn({ role: 'admin' });
    expect(await searchAuthorName(a, b.id)).toBe(b.name);
    expect(await searchAuthorName(a, unlisted.id)).toBeNull();
    expect(await searchAuthorName(unlisted, unlisted.id)).toBe('Quiet Person');
    expect(await searchAuthorName(admin, unlisted.id)).toBe('Quiet Person');
    expect(await searchAuthorName(a, 'not-an-id')).toBeNull();
  });
});
