'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { Cooked } from '@/app/_components/cooked';
import { TextArea } from '@/app/_components/ui/field';
import { Button } from '@/app/_components/ui/button';
import { mentionMarkdown } from '@/lib/dal/discussions/mentions';
import { POST_MAX } from '@/lib/values';
import { previewAction } from '../actions';
import { MentionBox } from './mention-box';

/**
 * The markdown editor of threads, replies and direct messages: a labelled textarea, a preview (the
 * server cooks the markdown exactly as it would store it) and a mention box that inserts
 * `[@Name](/people/id)`, offering the people of the space (`spaceId`) or of the conversation
 * (`conversationId`); with neither (a conversation not started yet), no mention box.
 */
export function Editor({
  spaceId,
  conversationId,
  label,
  defaultValue = '',
  errors,
}: {
  spaceId?: string;
  conversationId?: string;
  label: string;
  defaultValue?: string;
  errors?: string[];
}) {
  const t = useTranslations('discussions.editor');
  const [body, setBody] = useState(defaultValue);
  const [preview, setPreview] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [announce, setAnnounce] = useState('');
  const previewId = useId();
  const areaId = useId();

  const showPreview = () => {
    startTransition(async () => {
      const fd = new FormData();
      fd.set('body', body);
      const state = await previewAction(null, fd);
      setPreview(state?.ok ? state.data.html : '');
    });
  };

  const insertMention = (person: { id: string; name: string }) => {
    const area = document.getElementById(areaId) as HTMLTextAreaElement | null;
    const text = `${mentionMarkdown(person.name, person.id)} `;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? body.length;
    const next = body.slice(0, start) + text + body.slice(end);
    setBody(next);
    setPreview(null);
    setAnnounce(t('mentionInserted', { name: person.name }));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2" role="group" aria-label={label}>
        <Button variant={preview === null ? 'secondary' : 'ghost'} onClick={() => setPreview(null)} aria-pressed={preview === null}>
          {t('write')}
        </Button>
        <Button variant={preview === null ? 'ghost' : 'secondary'} onClick={showPreview} aria-pressed={preview !== null} disabled={pending}>
          {pending ? t('previewing') : t('preview')}
        </Button>
      </div>
      <div hidden={preview !== null}>
        <TextArea
          id={areaId}
          name="body"
          label={label}
          hint={t('bodyHint')}
          errors={errors}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          maxLength={POST_MAX}
          rows={8}
          dir="auto"
          required
        />
      </div>
      {preview !== null ? (
        <section id={previewId} aria-label={t('previewLabel')} className="min-h-28 rounded-md border border-slate-300 bg-slate-50 p-3">
          {preview ? <Cooked html={preview} /> : <p className="text-slate-600">{t('previewEmpty')}</p>}
        </section>
      ) : null}
      {spaceId ? <MentionBox lookup={{ path: '/threads/mentions', params: { space: spaceId } }} onPick={insertMention} /> : null}
      {conversationId ? <MentionBox lookup={{ path: '/messages/people', params: { conversation: conversationId } }} onPick={insertMention} /> : null}
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}
