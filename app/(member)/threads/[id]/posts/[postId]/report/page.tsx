import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { ReportForm } from './report-form';
import { loadPost } from '../load';

type Props = { params: Promise<{ id: string; postId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('discussions.report'))('submit') };
}

export default async function ReportPostPage({ params }: Props) {
  const { thread, post, backHref } = await loadPost(params);
  const t = await getTranslations('discussions.report');
  return (
    <div className="max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href={backHref} dir="auto">
          {thread.title}
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-900">{t('title', { number: post.number })}</h1>
      <p className="text-slate-700">{t('intro')}</p>
      <ReportForm postId={post.id} />
      <p>
        <Link href={backHref}>{t('back')}</Link>
      </p>
    </div>
  );
}
