import { getFormatter, getTranslations } from 'next-intl/server';
import Link from '@/app/_components/link';
import { isolated } from '@/app/_components/bidi';
import { Cooked } from '@/app/_components/cooked';
import { formerMemberNames } from '@/app/_components/former-member';
import { ResourceCards } from '@/app/_components/resource-cards';
import { ActionButton } from '@/app/_components/ui/action-forms';
import type { AttachmentView } from '@/lib/dal/messages/attachments';
import type { MessageView } from '@/lib/dal/messages/conversations';
import { formatBytes } from '@/lib/i18n/sizes';
import { deleteMessageAction } from '../actions';
import { EditMessageForm, ReportMessageForm } from '../_components/forms';

/** One message: author (suspended or former members said so), time, "edited", the cooked body or its placeholder, and its actions. */
export async function MessageItem({
  message,
  conversationId,
  edit,
}: {
  message: MessageView;
  conversationId: string;
  /** The message being edited and its markdown (the viewer's own, within 15 minutes). */
  edit: { id: string; body: string } | null;
}) {
  const editing = edit?.id === message.id ? edit : null;
  const t = await getTranslations('messages.conversation');
  const named = await formerMemberNames();
  const format = await getFormatter();
  const headingId = `message-${message.id}-by`;
  const name = named(message.authorName);
  return (
    <li>
      <article
        id={`message-${message.id}`}
        data-number={message.number}
        aria-labelledby={headingId}
        className={`scroll-mt-4 rounded-lg border p-3 ${message.isOwn ? 'ms-6 border-brand-100 bg-brand-50' : 'me-6 border-slate-200 bg-white'}`}
      >
        <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
          <h3 id={headingId} className="text-sm font-semibold">
            <bdi>{message.isOwn ? t('you') : name}</bdi>
            {message.authorInactive && message.authorName ? <span className="ms-2 font-normal text-slate-600">{t('inactiveAuthor')}</span> : null}
          </h3>
          <p className="text-xs text-slate-600">
            <time dateTime={message.createdAt.toISOString()}>{format.dateTime(message.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
            {message.editedAt && !message.deleted ? <> · {t('edited')}</> : null}
          </p>
        </header>
        <div className="pt-2">
          {message.deleted ? (
            <p className="text-slate-600 italic">{t('removed')}</p>
          ) : message.hidden ? (
            <p className="text-slate-600 italic">{t('hidden')}</p>
          ) : editing ? (
            <EditMessageForm messageId={message.id} conversationId={conversationId} body={editing.body} />
          ) : (
            <Cooked html={message.cooked!} />
          )}
          {message.resourceCards.length && !editing ? <ResourceCards cards={message.resourceCards} /> : null}
          {message.attachments.length ? <Attachments files={message.attachments} /> : null}
        </div>
        {!message.deleted && !message.hidden ? (
          <div role="group" aria-label={t('actionsFor', { name })} className="flex flex-wrap items-start gap-x-4 gap-y-2 pt-2 text-sm">
            {message.editable && !editing ? (
              <Link href={`/messages/${conversationId}?edit=${message.id}#message-${message.id}`}>{t('edit')}</Link>
            ) : null}
            {message.isOwn ? (
              <ActionButton action={deleteMessageAction} fields={{ messageId: message.id }} variant="ghost" pendingLabel={t('deleting')}>
                {t('delete')}
              </ActionButton>
            ) : (
              <details>
                <summary className="cursor-pointer text-brand-700">{t('report')}</summary>
                <div className="mt-2 w-80 max-w-full">
                  <ReportMessageForm messageId={message.id} />
                </div>
              </details>
            )}
          </div>
        ) : null}
      </article>
    </li>
  );
}

/** A message's files: name and size, a download link while the file is in circulation, otherwise why not. */
async function Attachments({ files }: { files: AttachmentView[] }) {
  const t = await getTranslations('messages.attachments');
  const format = await getFormatter();
  return (
    <ul aria-label={t('onMessage')} className="mt-3 space-y-1 text-sm">
      {files.map((f) => {
        const values = { name: f.name, size: formatBytes(format, f.size) };
        return (
          <li key={f.id} className="break-all">
            {f.state === 'available' || f.state === 'not_scanned' ? (
              <a href={`/api/files/${f.id}`} download>
                {isolated(t, 'file', values)}
              </a>
            ) : (
              <>
                {isolated(t, 'file', values)} <span className="text-slate-600">({f.state === 'pending' ? t('pending') : t('removedFile')})</span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
