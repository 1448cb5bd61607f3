import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { EditPostForm } from '../../../../_components/forms';
import { loadPost } from '../load';
import { pageNotFound } from '@/lib/pages';

type Props = { params: Promise<{ id: string; postId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('discussions.editor'))('editTitle') };
}

export default async function EditPostPage({ params }: Props) {
  const { thread, post, backHref } = await loadPost(params);
  if (!post.isOwn) await pageNotFound('post');
  const t = await getTranslations('discussions');
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href={backHref} dir="auto">
          {thread.title}
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-900">{t('editor.editTitle')}</h1>
      <EditPostForm postId={post.id} threadId={thread.id} spaceId={thread.spaceId} body={post.body} />
      <p>
        <Link href={backHref}>{t('editor.cancel')}</Link>
      </p>
    </div>
  );
}
