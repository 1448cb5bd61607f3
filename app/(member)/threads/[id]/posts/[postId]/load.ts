import 'server-only';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/require';
import { getPostSource, pageOfPost } from '@/lib/dal/posts';
import { getThread } from '@/lib/dal/threads';
import { NotFoundError } from '@/lib/errors';

/** The thread and one visible post of it (404 when either is not visible to the viewer). */
export async function loadPost(params: Promise<{ id: string; postId: string }>) {
  const { id, postId } = await params;
  const viewer = await requireViewer();
  try {
    const thread = await getThread(viewer, id);
    const post = await getPostSource(viewer, postId);
    if (post.threadId !== thread.id) notFound();
    return { viewer, thread, post, backHref: `/threads/${thread.id}?page=${pageOfPost(post.number)}#post-${post.number}` };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
