'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { inputClass } from '@/app/_components/ui/field';
import { isolated } from '@/app/_components/bidi';
import { sendFile } from '@/app/_components/send-file';

type State =
  | { phase: 'idle' }
  | { phase: 'uploading'; name: string; percent: number }
  | { phase: 'done'; name: string; size: number; fileId: string }
  | { phase: 'failed'; message: string };

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Picks a file and streams it to POST /api/uploads as soon as it is chosen, showing real progress
 * (app/_components/send-file.ts). The stored file's id goes into a hidden `fileId` field of the form;
 * the server checks the file (type from content, size, block list) and answers a sentence when it refuses.
 */
export function FileUpload({ maxMb, accept, errors, label }: { maxMb: number; accept: string; errors?: string[]; label: string }) {
  const t = useTranslations('resources.form');
  const id = useId();
  const [state, setState] = useState<State>({ phase: 'idle' });
  const request = useRef<XMLHttpRequest | null>(null);
  // The upload's own refusal, and the form's field errors from its last submission (unless a file is ready now).
  const message = [...(state.phase === 'failed' ? [state.message] : []), ...(state.phase === 'done' ? [] : (errors ?? []))];

  function upload(file: File) {
    request.current?.abort();
    if (file.size > maxMb * 1024 * 1024) {
      setState({ phase: 'failed', message: t('fileHint', { max: maxMb }) });
      return;
    }
    setState({ phase: 'uploading', name: file.name, percent: 0 });
    request.current = sendFile(`/api/uploads?name=${encodeURIComponent(file.name)}`, file, {
      progress: (percent) => setState({ phase: 'uploading', name: file.name, percent }),
      done: (stored) => setState({ phase: 'done', name: stored.name, size: stored.size, fileId: stored.id }),
      failed: (message) => setState({ phase: 'failed', message: message ?? t('uploadFailed') }),
    });
  }

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {t('fileHint', { max: maxMb })}
      </p>
      <input
        id={id}
        type="file"
        accept={accept}
        aria-describedby={`${id}-hint ${id}-status`}
        aria-invalid={message?.length ? true : undefined}
        className={inputClass}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload(file);
        }}
      />
      {state.phase === 'done' ? <input type="hidden" name="fileId" value={state.fileId} /> : null}
      <div id={`${id}-status`} aria-live="polite" className="text-sm">
        {state.phase === 'uploading' ? (
          <div className="space-y-1">
            <p>{isolated(t, 'uploading', { name: state.name, percent: state.percent })}</p>
            <progress
              className="h-2 w-full"
              max={100}
              value={state.percent}
              aria-label={t('uploading', { name: state.name, percent: state.percent })}
            />
          </div>
        ) : null}
        {state.phase === 'done' ? (
          <p className="font-medium text-emerald-800">{isolated(t, 'uploaded', { name: state.name, size: formatSize(state.size) })}</p>
        ) : null}
        {message?.length ? (
          <p role="alert" className="font-medium text-red-700">
            {message.join(' ')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
