import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { formerMemberNames } from '@/app/_components/former-member';
import { Pager } from '@/app/_components/list-controls';
import { ActionButton, ReasonForm } from '@/app/_components/ui/action-forms';
import { requireViewer } from '@/lib/auth/require';
import { getConversation, listMessages, ownMessageSource, type ConversationView } from '@/lib/dal/messages/conversations';
import { markConversationRead } from '@/lib/dal/messages/manage';
import { visibleOr404 } from '@/lib/pages';
import { maxUploadBytes } from '@/lib/uploads/receive';
import { conversationQuerySchema } from '@/lib/validation/direct-messages';
import { leaveConversationAction, muteConversationAction, renameConversationAction } from '../actions';
import { AddPeopleForm, ComposeForm } from '../_components/forms';
import { MessageItem } from './message-item';
import { NewMessages } from './new-messages';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The conversation's name: its subject, or the other people's names. */
async function titleOf(conversation: ConversationView): Promise<string> {
  const t = await getTranslations('messages');
  const named = await formerMemberNames();
  const others = conversation.participants.filter((p) => !p.isViewer).map((p) => named(p.name));
  return conversation.subject ?? (others.length ? others.join(', ') : t('conversation.alone'));
}

async function load(id: string) {
  const viewer = await requireViewer();
  // Participants only: anyone else (admins and moderators included) gets the 404 (lib/dal/messages/access.ts).
  return { viewer, conversation: await visibleOr404(getConversation(viewer, id)) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { conversation } = await load((await params).id);
  return { title: await titleOf(conversation) };
}

export default async function ConversationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { viewer, conversation } = await load(id);
  const query = conversationQuerySchema.parse(await searchParams);
  const t = await getTranslations('messages');
  const named = await formerMemberNames();
  const [page, edit] = await Promise.all([
    listMessages(viewer, conversation.id, query.cursor),
    query.edit ? ownMessageSource(viewer, query.edit) : null,
  ]);
  await markConversationRead(viewer, conversation.id);
  const title = await titleOf(conversation);
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label={t('conversation.breadcrumb')} className="text-sm">
        <Link href="/messages">{t('inbox.title')}</Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold break-words text-brand-900" dir="auto">
          {title}
        </h1>
        <p className="text-sm text-slate-700">
          {t('conversation.with')}{' '}
          {conversation.participants
            .filter((p) => !p.isViewer)
            .map((p, i) => (
              <span key={p.id}>
                {i ? ', ' : null}
                {p.active ? <Link href={`/people/${p.id}`}>{named(p.name)}</Link> : <bdi>{named(p.name)}</bdi>}
                {p.active ? null : <span className="text-slate-600"> ({t('conversation.inactive')})</span>}
              </span>
            ))}
        </p>
        {conversation.muted ? <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">{t('conversation.mutedNotice')}</p> : null}
      </header>
      <section aria-labelledby="messages-heading" className="space-y-3">
        <h2 id="messages-heading" className="sr-only">
          {t('conversation.messages')}
        </h2>
        <Pager path={`/messages/${conversation.id}`} params={{}} previous={page.next} next={page.previous} label={t('conversation.older')} />
        {page.items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t('conversation.empty')}</p>
        ) : null}
        <ol className="space-y-3">
          {page.items.map((m) => (
            <MessageItem
              key={m.id}
              message={m}
              conversationId={conversation.id}
              edit={edit && edit.conversationId === conversation.id ? edit : null}
            />
          ))}
        </ol>
        <NewMessages key={conversation.lastNumber} conversationId={conversation.id} after={conversation.lastNumber} latest={!query.cursor} />
      </section>
      <section id="latest" aria-labelledby="compose-heading" className="scroll-mt-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="compose-heading" className="text-lg font-semibold">
          {t('conversation.write')}
        </h2>
        {/* A new composer after each message the viewer sends (the sent form's reset cannot reach what is typed
            next), but not when others' messages are shown: a draft survives the new-messages bar. */}
        <ComposeForm
          key={page.items.findLast((m) => m.isOwn)?.id ?? 'none'}
          conversationId={conversation.id}
          maxMb={Math.round(maxUploadBytes() / 1024 / 1024)}
        />
      </section>
      <section aria-labelledby="tools-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="tools-heading" className="text-lg font-semibold">
          {t('conversation.tools')}
        </h2>
        <ActionButton
          action={muteConversationAction}
          fields={{ conversationId: conversation.id, on: conversation.muted ? 'false' : 'true' }}
          text={conversation.muted ? t('conversation.unmuteText') : t('conversation.muteText')}
          pendingLabel={t('conversation.saving')}
        >
          {conversation.muted ? t('conversation.unmute') : t('conversation.mute')}
        </ActionButton>
        {conversation.isGroup ? (
          <>
            <div className="max-w-md">
              <ReasonForm
                action={renameConversationAction}
                fields={{ conversationId: conversation.id }}
                name="subject"
                label={t('group.subject')}
                submit={t('group.rename')}
                pendingLabel={t('conversation.saving')}
              />
            </div>
            {conversation.canAdd ? <AddPeopleForm conversationId={conversation.id} /> : <p className="text-sm text-slate-600">{t('group.full')}</p>}
            <ActionButton
              action={leaveConversationAction}
              fields={{ conversationId: conversation.id }}
              text={t('group.leaveText')}
              variant="danger"
              pendingLabel={t('group.leaving')}
            >
              {t('group.leave')}
            </ActionButton>
          </>
        ) : null}
      </section>
    </div>
  );
}
