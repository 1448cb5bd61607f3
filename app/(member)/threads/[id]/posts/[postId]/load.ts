import 'server-only';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/require';
import { getPostSource, pageOfPost } from '@/lib/dal/discussions/posts';
import { getThread } from '@/lib/dal/discussions/threads';
import { visibleOr404 } from '@/lib/pages';

/** The thread and one visible post of it (404 when either is not visible to the viewer). */
export async function loadPost(params: Promise<{ id: string; postId: string }>) {
  const { id, postId } = await params;
  const viewer = await requireViewer();
  const thread = await visibleOr404(getThread(viewer, id));
  const post = await visibleOr404(getPostSource(viewer, postId));
  if (post.threadId !== thread.id) notFound();
  return { viewer, thread, post, backHref: `/threads/${thread.id}?page=${pageOfPost(post.number)}#post-${post.number}` };
}
