import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { LanguageLabel } from '@/app/_components/language-label';
import { IntlChoices } from '@/app/_components/intl-choices';
import { FilterForm, Pager } from '@/app/_components/list-controls';
import { SelectField } from '@/app/_components/ui/field';
import { buttonClass } from '@/app/_components/ui/button';
import { canManageSpace } from '@/lib/dal/discussions/spaces';
import { listThreads } from '@/lib/dal/discussions/threads';
import { LANGUAGE_CODES } from '@/lib/i18n/languages';
import { threadListSchema } from '@/lib/validation/discussions';
import { threadFlags } from '../../threads/_components/badges';
import { ThreadRow, type ThreadRowValues } from './thread-row';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { followSpaceAction } from '../actions';
import { JoinForm } from '../join-form';
import { loadSpace } from './load';
import { isolatedParts } from '@/app/_components/bidi';
import type { Tone } from '@/app/_components/ui/badge';
import { formerMemberNames } from '@/app/_components/former-member';
import { ChathamBanner } from '@/app/_components/chatham';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadSpace(params)).space.name };
}

export default async function SpacePage({ params, searchParams }: Props) {
  const { viewer, space } = await loadSpace(params);
  const { cursor, language } = threadListSchema.parse(await searchParams);
  const [t, format, locale, named] = await Promise.all([getTranslations(), getFormatter(), getLocale(), formerMemberNames()]);
  const [page, manager] = await Promise.all([
    space.canRead ? listThreads(viewer, space.id, cursor, language) : null,
    canManageSpace(viewer, space.id),
  ]);
  // Each row as the few values the client component ThreadRow draws (issue 17: not each row's markup).
  const rows = await Promise.all(
    (page?.items ?? []).map(async (thread): Promise<[typeof thread, ThreadRowValues]> => [
      thread,
      {
        id: thread.id,
        title: thread.title,
        language: thread.language,
        marking: thread.marking,
        unread: Boolean(thread.unread),
        flags: await threadFlags(thread),
        badges: [
          ...(thread.chathamHouse ? [['info', t('discussions.chatham.badge')] as [Tone, string]] : []),
          ...(thread.unread === null
            ? [['success', t('discussions.space.new')] as [Tone, string]]
            : thread.unread > 0
              ? [['success', t('discussions.space.unread', { count: thread.unread })] as [Tone, string]]
              : []),
        ],
        urgentReason: thread.isUrgent && thread.urgentReason ? thread.urgentReason : null,
        replies: t('discussions.space.replies', { count: thread.replies }),
        lastBy: isolatedParts(t, 'discussions.space.lastBy', {
          name: thread.chathamHouse ? t('discussions.chatham.someone') : named(thread.lastPosterName ?? thread.authorName),
          when: format.relativeTime(thread.lastPostAt),
        }),
      },
    ]),
  );

  return (
    <div className="space-y-6">
      <nav aria-label={t('discussions.nav.breadcrumb')} className="text-sm">
        <Link href="/spaces">{t('discussions.spaces.title')}</Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-brand-900" dir="auto">
          {space.name}
        </h1>
        <p className="text-sm text-slate-600">{t(`discussions.access.${space.access}`)}</p>
        {space.description ? (
          <p className="max-w-3xl text-slate-700" dir="auto">
            {space.description}
          </p>
        ) : null}
        {space.archived ? <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">{t('discussions.space.archivedNotice')}</p> : null}
      </header>

      {!space.canRead ? (
        <section id="join" aria-labelledby="join-heading" className="max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="join-heading" className="text-lg font-semibold">
            {t('discussions.space.joinTitle')}
          </h2>
          {space.pendingRequest ? (
            <p>{t('discussions.spaces.requestPending')}</p>
          ) : (
            <>
              <p className="text-slate-700">{t('discussions.space.joinText')}</p>
              <JoinForm spaceId={space.id} />
            </>
          )}
        </section>
      ) : (
        <>
          {space.chathamHouse ? <ChathamBanner /> : null}
          <div className="flex flex-wrap items-start gap-3">
            {!space.archived ? (
              <Link href={`/spaces/${space.slug}/new`} className={buttonClass('primary')}>
                {t('discussions.space.newThread')}
              </Link>
            ) : null}
            <ActionButton
              action={followSpaceAction}
              fields={{ id: space.id, follow: space.following ? 'false' : 'true' }}
              pendingLabel={t('discussions.space.follow')}
            >
              {space.following ? t('discussions.space.unfollow') : t('discussions.space.follow')}
            </ActionButton>
            {manager ? (
              <Link href={`/spaces/${space.slug}/requests`} className={buttonClass('secondary')}>
                {t('discussions.space.requests')}
              </Link>
            ) : null}
          </div>
          <section aria-labelledby="threads-heading" className="space-y-3">
            <h2 id="threads-heading" className="text-lg font-semibold">
              {t('discussions.space.threadsHeading')}
            </h2>
            <FilterForm action={`/spaces/${space.slug}`} active={Boolean(language)} label={t('discussions.space.filters')}>
              <SelectField name="language" label={t('discussions.space.language')} defaultValue={language ?? ''}>
                <IntlChoices type="language" any={t('discussions.space.anyLanguage')} codes={LANGUAGE_CODES} selected={language} />
              </SelectField>
            </FilterForm>
            {page && page.items.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">
                {language ? t('discussions.space.noThreadsInLanguage') : t('discussions.space.noThreads')}
              </p>
            ) : null}
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {rows.map(([thread, values]) => (
                <ThreadRow
                  key={thread.id}
                  thread={values}
                  languageLabel={thread.language !== locale ? <LanguageLabel language={thread.language} /> : undefined}
                />
              ))}
            </ul>
            {page ? <Pager path={`/spaces/${space.slug}`} params={{ language }} previous={page.previous} next={page.next} /> : null}
          </section>
        </>
      )}
    </div>
  );
}
