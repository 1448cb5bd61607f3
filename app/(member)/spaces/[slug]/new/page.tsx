import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { languageOptions } from '@/lib/i18n/languages';
import { NewThreadForm } from '../../../threads/_components/forms';
import { loadSpace } from '../load';
import { isolated } from '@/app/_components/bidi';
import { pageNotFound } from '@/lib/pages';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('discussions.space'))('newThread') };
}

export default async function NewThreadPage({ params }: Props) {
  const { viewer, space } = await loadSpace(params);
  if (!space.canRead) await pageNotFound('space');
  if (space.archived) notFound();
  const [t, locale] = await Promise.all([getTranslations('discussions'), getLocale()]);
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label={t('nav.breadcrumb')} className="text-sm">
        <Link href="/spaces">{t('spaces.title')}</Link> <span aria-hidden>›</span>{' '}
        <Link href={`/spaces/${space.slug}`} dir="auto">
          {space.name}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold text-brand-900">{isolated(t, 'editor.newThreadTitle', { space: space.name })}</h1>
      <NewThreadForm spaceId={space.id} language={viewer.locale} languages={languageOptions(locale)} spaceChathamHouse={space.chathamHouse} />
    </div>
  );
}
