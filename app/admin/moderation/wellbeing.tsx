'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';

/**
 * Wellbeing in the review queue (decision 029): reported images are blurred and greyscale until a
 * moderator chooses to see one (each on its own), and the queue counts the time since it was opened and,
 * if the moderator asked for it, suggests a break.
 */
export function RevealImage({ src, alt }: { src: string; alt: string }) {
  const t = useTranslations('discussions.wellbeing');
  const [shown, setShown] = useState(false);
  return (
    <figure className="space-y-2">
      {/* eslint-disable-next-line @next/next/no-img-element -- served by our own route (/api/files), which checks access */}
      <img
        src={src}
        alt={alt}
        loading="lazy"
        data-revealed={shown ? 'true' : 'false'}
        className={`max-h-48 max-w-full rounded border border-slate-200 bg-white object-contain transition ${shown ? '' : 'blur-xl grayscale'}`}
      />
      <figcaption>
        <button
          type="button"
          aria-pressed={shown}
          onClick={() => setShown((v) => !v)}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50 focus-visible:outline-2"
        >
          {t('showImage')}
        </button>
      </figcaption>
    </figure>
  );
}

/** Minutes since the page was opened, and a polite reminder after `breakMinutes` (none when null). */
export function QueueTimer({ breakMinutes }: { breakMinutes: number | null }) {
  const t = useTranslations('discussions.wellbeing');
  const [opened] = useState(() => Date.now());
  const [minutes, setMinutes] = useState(0);
  const [remindAt, setRemindAt] = useState(breakMinutes);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const tick = () => setMinutes(Math.floor((Date.now() - opened) / 60_000));
    const timer = setInterval(tick, 15_000);
    return () => clearInterval(timer);
  }, [opened]);
  useEffect(() => {
    if (remindAt !== null && minutes >= remindAt && !dialog.current?.open) dialog.current?.showModal();
  }, [minutes, remindAt]);
  return (
    <>
      <p role="timer" aria-live="off" className="text-sm text-slate-700">
        {t('timeInQueue', { minutes })}
      </p>
      <dialog ref={dialog} aria-labelledby="break-title" className="m-auto max-w-sm rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40">
        <h2 id="break-title" className="text-lg font-semibold text-brand-900">
          {t('breakTitle')}
        </h2>
        <p className="mt-2 text-slate-700">{t('breakText', { minutes })}</p>
        <div className="mt-4 flex flex-wrap gap-3">
          <button
            type="button"
            className="rounded bg-brand-700 px-3 py-1.5 text-white"
            onClick={() => {
              dialog.current?.close();
              setRemindAt(null);
            }}
          >
            {t('takeBreak')}
          </button>
          <button
            type="button"
            className="rounded border border-slate-300 px-3 py-1.5"
            onClick={() => {
              dialog.current?.close();
              if (breakMinutes !== null) setRemindAt(minutes + breakMinutes);
            }}
          >
            {t('later')}
          </button>
        </div>
      </dialog>
    </>
  );
}
