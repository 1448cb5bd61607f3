'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Checkbox } from '@/app/_components/ui/field';
import type { IdentifyingMatch } from '@/lib/identifying/detect';
import { POST_MAX } from '@/lib/values';

type Detect = (text: string) => IdentifyingMatch[];

/** The checkbox a refused publication is sent again with (lib/validation: `identifyingChecked`). */
export const ACKNOWLEDGE_FIELD = 'identifyingChecked';

/**
 * Checks `text` as the member types (300 ms after the last key) with the detector of lib/identifying,
 * loaded only once `start()` is called (the editor calls it on focus), so it is not in the page's
 * first JavaScript. Personal names are found by the server (the library is too heavy for the browser):
 * the text goes to /api/identifying/names 800 ms after the last key and the names come back for that
 * text. `checked` is the text the matches were found in (the in-field highlight carries them over what
 * was typed since).
 */
export function useIdentifying(text: string): { matches: IdentifyingMatch[]; checked: string; start: () => void } {
  const [detect, setDetect] = useState<Detect | null>(null);
  const [found, setFound] = useState<{ matches: IdentifyingMatch[]; checked: string }>({ matches: [], checked: '' });
  const loading = useRef(false);
  const start = useCallback(() => {
    if (loading.current) return;
    loading.current = true;
    void import('@/lib/identifying/detect').then((m) => setDetect(() => m.detectIdentifying));
  }, []);
  useEffect(() => {
    if (!detect) return;
    const timer = setTimeout(() => setFound({ matches: detect(text), checked: text }), 300);
    return () => clearTimeout(timer);
  }, [detect, text]);
  const names = useNames(detect ? text : '');
  const matches = names.text === found.checked && names.matches.length ? withNames(found.matches, names.matches) : found.matches;
  return { matches, checked: found.checked, start };
}

/** A name needs two words; the server refuses drafts over a post's length (the form says so itself). */
const MAY_HOLD_A_NAME = /\p{L}{2,}[\s.'-]+\p{L}{2,}/u;

/** The names the server finds in `text`, for the text they were found in (a failed request finds none). */
function useNames(text: string): { text: string; matches: IdentifyingMatch[] } {
  const [names, setNames] = useState<{ text: string; matches: IdentifyingMatch[] }>({ text: '', matches: [] });
  useEffect(() => {
    if (!MAY_HOLD_A_NAME.test(text) || text.length > POST_MAX) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch('/api/identifying/names', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text }),
        signal: controller.signal,
      })
        .then((res) => (res.ok ? (res.json() as Promise<{ matches: IdentifyingMatch[] }>) : null))
        .then((body) => body && setNames({ text, matches: body.matches }))
        .catch(() => {});
    }, 800);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);
  return names;
}

/** The pattern matches with the names that overlap none of them, in order of appearance. */
function withNames(found: IdentifyingMatch[], names: IdentifyingMatch[]): IdentifyingMatch[] {
  const free = names.filter((n) => !found.some((m) => n.start < m.end && n.end > m.start));
  return [...found, ...free].sort((a, b) => a.start - b.start);
}

/** A match found in another field of the same form (a thread's title), listed with the field's name. */
export interface OtherFieldMatches {
  /** Said before each of its lines ("In the title:"). */
  label: string;
  matches: IdentifyingMatch[];
  onSelect: (match: IdentifyingMatch) => void;
}

/**
 * What could identify someone in the text being written: one calm line per match ("this looks like a
 * phone number"), each a button that selects the match in the field; a polite live summary; and the
 * acknowledgement checkbox, shown when something was found here or by the server (`refused`).
 */
export function IdentifyingNotice({
  matches,
  refused,
  onSelect,
  other,
}: {
  matches: IdentifyingMatch[];
  /** The kinds the server refused the last submission for. */
  refused?: string[];
  onSelect: (match: IdentifyingMatch) => void;
  other?: OtherFieldMatches;
}) {
  const t = useTranslations('identifying');
  const id = useId();
  const lines = [
    ...(other?.matches ?? []).map((m) => ({ m, where: other!.label, select: other!.onSelect })),
    ...matches.map((m) => ({ m, where: null, select: onSelect })),
  ];
  const show = lines.length > 0 || Boolean(refused?.length);
  return (
    <>
      <p className="sr-only" aria-live="polite">
        {lines.length ? t('summary', { count: lines.length }) : ''}
      </p>
      {show ? (
        <section aria-labelledby={`${id}-heading`} className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
          {/* Not a heading: the notice sits inside forms under pages of any heading depth. */}
          <p id={`${id}-heading`} className="font-semibold">
            {t('heading')}
          </p>
          <p>{t('intro')}</p>
          {lines.length ? (
            <ul className="space-y-1">
              {lines.map(({ m, where, select }) => (
                <li key={`${where ?? ''}-${m.kind}-${m.start}`}>
                  <button
                    type="button"
                    className="text-start underline decoration-amber-700 underline-offset-2 hover:decoration-2"
                    onClick={() => select(m)}
                    title={t('select')}
                  >
                    {where ? `${where} ` : null}
                    {t('looksLike', { kind: t(`kinds.${m.kind}`) })}{' '}
                    <bdi className="font-mono break-all">{m.text.length > 60 ? `${m.text.slice(0, 57)}…` : m.text}</bdi>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <p>{t('namesNote')}</p>
          <Checkbox name={ACKNOWLEDGE_FIELD} id={`${id}-ack`} label={t('acknowledge')} />
        </section>
      ) : null}
    </>
  );
}
