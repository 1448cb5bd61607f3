import type { Metadata } from 'next';
import Form from '@/app/_components/form';
import Link from '@/app/_components/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Highlighted } from '@/app/_components/cooked';
import { formerMemberNames } from '@/app/_components/former-member';
import { Pager } from '@/app/_components/list-controls';
import { Badge } from '@/app/_components/ui/badge';
import { buttonClass } from '@/app/_components/ui/button';
import { TextField } from '@/app/_components/ui/field';
import { requireViewer } from '@/lib/auth/require';
import { listInbox } from '@/lib/dal/messages/conversations';
import { searchMessages } from '@/lib/dal/messages/search';
import { inboxQuerySchema } from '@/lib/validation/direct-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('messages.inbox'))('title') };
}

/** The inbox: the viewer's conversations by last activity with unread counts, or the search within their own messages. */
export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const query = inboxQuerySchema.parse(await searchParams);
  const t = await getTranslations('messages');
  const named = await formerMemberNames();
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-900">{t('inbox.title')}</h1>
        <Link href="/messages/new" className={buttonClass('primary')}>
          {t('inbox.new')}
        </Link>
      </div>
      <p className="text-sm text-slate-700">{t('inbox.privacy')}</p>
      <Form
        action="/messages"
        role="search"
        aria-label={t('search.label')}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <div className="min-w-0 flex-1">
          <TextField name="q" type="search" label={t('search.query')} defaultValue={query.q} maxLength={200} dir="auto" />
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          {t('search.submit')}
        </button>
        {query.q ? <Link href="/messages">{t('search.clear')}</Link> : null}
      </Form>
      {query.q ? (
        <SearchResults viewer={viewer} q={query.q} cursor={query.cursor} when={when} />
      ) : (
        <Inbox viewer={viewer} cursor={query.cursor} when={when} named={named} />
      )}
    </div>
  );
}

type Viewer = Awaited<ReturnType<typeof requireViewer>>;

async function Inbox({ viewer, cursor, when, named }: { viewer: Viewer; cursor?: string; when: (d: Date) => string; named: (n: string) => string }) {
  const t = await getTranslations('messages');
  const page = await listInbox(viewer, cursor);
  if (!page.items.length && !cursor) {
    return (
      <div className="space-y-2 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">
        <p>{t('inbox.empty')}</p>
        <p>
          <Link href="/directory/people">{t('inbox.emptyDirectory')}</Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label={t('inbox.list')}>
        {page.items.map((c) => {
          const names = c.others.map(named);
          const more = c.otherCount - names.length;
          const title =
            c.subject ?? (names.length ? names.join(', ') + (more > 0 ? ` ${t('inbox.more', { count: more })}` : '') : t('conversation.alone'));
          return (
            <li key={c.id} className={`flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between ${c.unread ? 'bg-brand-50' : ''}`}>
              <div className="min-w-0 space-y-1">
                <p className="font-semibold">
                  <Link href={`/messages/${c.id}#latest`} dir="auto">
                    {title}
                  </Link>
                </p>
                {c.subject ? (
                  <p className="text-sm break-words text-slate-700" dir="auto">
                    {names.join(', ')}
                  </p>
                ) : null}
                <p className="text-sm text-slate-600">
                  <time dateTime={c.lastActivityAt.toISOString()}>{when(c.lastActivityAt)}</time>
                  {c.muted ? ` · ${t('inbox.muted')}` : null}
                </p>
              </div>
              {c.unread ? <Badge tone="emphasis">{t('inbox.unread', { count: Math.min(c.unread, 99) })}</Badge> : null}
            </li>
          );
        })}
      </ul>
      <Pager path="/messages" params={{}} previous={page.previous} next={page.next} />
    </>
  );
}

async function SearchResults({ viewer, q, cursor, when }: { viewer: Viewer; q: string; cursor?: string; when: (d: Date) => string }) {
  const t = await getTranslations('messages');
  const named = await formerMemberNames();
  const page = await searchMessages(viewer, q, cursor);
  if (!page.items.length) return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t('search.none')}</p>;
  return (
    <>
      <ul className="space-y-3" aria-label={t('search.results')}>
        {page.items.map((hit) => (
          <li key={hit.messageId} className="space-y-1 rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-sm">
              <Link href={`/messages/${hit.conversationId}#message-${hit.messageId}`}>
                <bdi>{hit.subject ?? named(hit.authorName)}</bdi>
              </Link>{' '}
              · <bdi>{named(hit.authorName)}</bdi> · <time dateTime={hit.createdAt.toISOString()}>{when(hit.createdAt)}</time>
            </p>
            <Highlighted html={hit.snippetHtml} className="text-sm" />
          </li>
        ))}
      </ul>
      <Pager path="/messages" params={{ q }} previous={page.previous} next={page.next} />
    </>
  );
}
