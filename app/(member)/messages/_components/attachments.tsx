'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { isolated } from '@/app/_components/bidi';
import { sendFile } from '@/app/_components/send-file';
import { Button } from '@/app/_components/ui/button';
import { inputClass } from '@/app/_components/ui/field';
import { formatBytes } from '@/lib/i18n/sizes';
import { ACCEPT_ATTRIBUTE } from '@/lib/uploads/types';

/** A message carries at most this many files (lib/dal/messages/attachments.ts says so too). */
const MAX_FILES = 10;

type Item =
  | { key: string; phase: 'uploading'; name: string; percent: number }
  | { key: string; phase: 'done'; name: string; size: number; fileId: string }
  | { key: string; phase: 'failed'; name: string; message: string };

/**
 * Files for a message, picked or dropped: each is streamed to POST /api/uploads?for=message as soon as
 * it is chosen (the resource library's receiver: type from content, size, block list, scan), with real
 * progress; the stored ones go into hidden `attachments` fields of the form. Nobody can download them
 * until the message is sent, and then only whom it reaches.
 */
export function AttachmentsPicker({ maxMb, errors }: { maxMb: number; errors?: string[] }) {
  const t = useTranslations('messages.attachments');
  const format = useFormatter();
  const id = useId();
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const counter = useRef(0);
  const update = (key: string, next: Item) => setItems((list) => list.map((x) => (x.key === key ? next : x)));

  function upload(file: File) {
    const key = String(++counter.current);
    if (file.size > maxMb * 1024 * 1024) {
      setItems((list) => [...list, { key, phase: 'failed', name: file.name, message: t('tooLarge', { max: maxMb }) }]);
      return;
    }
    setItems((list) => [...list, { key, phase: 'uploading', name: file.name, percent: 0 }]);
    sendFile(`/api/uploads?for=message&name=${encodeURIComponent(file.name)}`, file, {
      progress: (percent) => update(key, { key, phase: 'uploading', name: file.name, percent }),
      done: (stored) => update(key, { key, phase: 'done', name: stored.name, size: stored.size, fileId: stored.id }),
      failed: (message) => update(key, { key, phase: 'failed', name: file.name, message: message ?? t('failed') }),
    });
  }

  function add(list: FileList | null) {
    const room = MAX_FILES - items.filter((x) => x.phase !== 'failed').length;
    const chosen = [...(list ?? [])];
    chosen.slice(0, Math.max(room, 0)).forEach(upload);
    if (chosen.length > room) {
      const key = String(++counter.current);
      setItems((l) => [...l, { key, phase: 'failed', name: chosen[room]?.name ?? '', message: t('tooMany', { max: MAX_FILES }) }]);
    }
  }

  return (
    <div
      className={`space-y-2 rounded-md border border-dashed p-3 ${over ? 'border-brand-700 bg-brand-50' : 'border-slate-300'}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        setOver(false);
        add(e.dataTransfer.files);
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t('label')}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {t('hint', { max: maxMb, count: MAX_FILES })}
      </p>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        aria-describedby={`${id}-hint ${id}-status`}
        aria-invalid={errors?.length ? true : undefined}
        className={`${inputClass} max-w-full`}
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
      />
      <div id={`${id}-status`} aria-live="polite" className="text-sm">
        {items.length ? (
          <ul className="space-y-1" aria-label={t('listLabel')}>
            {items.map((item) => (
              <li key={item.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 break-all">
                {item.phase === 'uploading' ? (
                  <>
                    <span>{isolated(t, 'uploading', { name: item.name, percent: item.percent })}</span>
                    <progress
                      className="h-2 w-32 max-w-full"
                      max={100}
                      value={item.percent}
                      aria-label={t('uploading', { name: item.name, percent: item.percent })}
                    />
                  </>
                ) : item.phase === 'done' ? (
                  <>
                    <input type="hidden" name="attachments" value={item.fileId} />
                    <span className="font-medium text-emerald-800">
                      {isolated(t, 'uploaded', { name: item.name, size: formatBytes(format, item.size) })}
                    </span>
                  </>
                ) : (
                  <span role="alert" className="font-medium text-red-700">
                    {isolated(t, 'refused', { name: item.name, message: item.message })}
                  </span>
                )}
                {item.phase !== 'uploading' ? (
                  <Button
                    variant="ghost"
                    className="min-h-8 px-2"
                    aria-label={t('remove', { name: item.name })}
                    onClick={() => setItems((list) => list.filter((x) => x.key !== item.key))}
                  >
                    {t('removeShort')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {errors?.length ? (
          <p role="alert" className="font-medium text-red-700">
            {errors.join(' ')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
