import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { posts, users } from '@/db/schema';
import { mentionMarkdown } from '@/lib/dal/discussions/mentions';
import { createUser, signedIn } from '@/testing/factories';
import { createSpace, request } from '@/testing/discussions';
import { listOpenReports, reportPost } from '@/lib/dal/moderation/reports';
import { listPosts, listRevisions } from './posts';
import { createThread, editPost } from './posts-write';

type V = Awaited<ReturnType<typeof signedIn>>;
let author: V, moderator: V;
let sofia: { id: string }, hidden: { id: string };
let threadId: string;

beforeAll(async () => {
  author = await signedIn();
  sofia = await createUser({ name: 'Sofia Marín' });
  hidden = await createUser({ name: 'Unlisted Person', listed: false });
  moderator = await signedIn({ role: 'moderator' });
  const spaceId = (await createSpace()).id;
  const body = `Thanks ${mentionMarkdown('Sofia Marin (typed)', sofia.id)} and ${mentionMarkdown('Someone', hidden.id)}; see [@not a person](https://example.org).`;
  ({ threadId } = await createThread(author, { spaceId, title: 'Mentions', body, urgent: false }, request));
});

describe('mention link text from the current name (item 3)', () => {
  it('shows the mentioned person’s current name, not what the author typed, and follows a rename', async () => {
    const [before] = await listPosts(author, threadId, 1);
    expect(before!.cooked).toContain(`>@Sofia Marín</a>`);
    expect(before!.cooked).not.toContain('typed');

    await getDb().update(users).set({ name: 'Sofia <Marín-Ortega> & Co' }).where(eq(users.id, sofia.id));
    const [after] = await listPosts(author, threadId, 1);
    expect(after!.cooked).toContain(`href="/people/${sofia.id}"`);
    expect(after!.cooked).toContain('>@Sofia &lt;Marín-Ortega&gt; &amp; Co</a>');
    // What is stored is unchanged: names are put in when the post is read.
    const [stored] = await getDb().select({ cooked: posts.cooked }).from(posts).where(eq(posts.threadId, threadId));
    expect(stored!.cooked).toContain('@Sofia Marin (typed)');
  });

  it('leaves people the viewer may not see, and links that are not mentions, as typed', async () => {
    const [post] = await listPosts(author, threadId, 1);
    expect(post!.cooked).toContain('>@Someone</a>');
    expect(post!.cooked).not.toContain('Unlisted Person');
    expect(post!.cooked).toContain('>@not a person</a>');
  });

  it('applies to a reported post in the moderation queue', async () => {
    const [post] = await listPosts(author, threadId, 1);
    await reportPost(author, post!.id, 'Checking the queue shows current names', request);
    const queued = (await listOpenReports(moderator)).items.find((r) => r.postId === post!.id);
    expect(queued!.postCooked).toContain('>@Sofia &lt;Marín-Ortega&gt; &amp; Co</a>');
  });

  it('applies to a post’s earlier versions too', async () => {
    const [post] = await listPosts(author, threadId, 1);
    await editPost(author, post!.id, 'Edited: nobody mentioned now.');
    const [revision] = await listRevisions(moderator, post!.id);
    expect(revision!.cooked).toContain('>@Sofia &lt;Marín-Ortega&gt; &amp; Co</a>');
  });
});
