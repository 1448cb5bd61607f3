import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { NewThreadForm } from '../../../threads/_components/forms';
import { loadSpace } from '../load';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('discussions.space'))('newThread') };
}

export default async function NewThreadPage({ params }: Props) {
  const { space } = await loadSpace(params);
  if (!space.canRead || space.archived) notFound();
  const t = await getTranslations('discussions');
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label={t('nav.breadcrumb')} className="text-sm">
        <Link href="/spaces">{t('spaces.title')}</Link> <span aria-hidden>›</span>{' '}
        <Link href={`/spaces/${space.slug}`} dir="auto">
          {space.name}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold text-brand-900">{t('editor.newThreadTitle', { space: space.name })}</h1>
      <NewThreadForm spaceId={space.id} />
    </div>
  );
}
