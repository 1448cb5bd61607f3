'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useLayoutEffect, useRef, useState, useTransition, type KeyboardEvent } from 'react';
import { Cooked } from '@/app/_components/cooked';
import { TextArea } from '@/app/_components/ui/field';
import { HighlightBackdrop } from '@/app/_components/ui/highlight-backdrop';
import { Button } from '@/app/_components/ui/button';
import { mentionMarkdown } from '@/lib/dal/discussions/mentions';
import type { IdentifyingMatch } from '@/lib/identifying/detect';
import { POST_MAX } from '@/lib/values';
import { previewAction } from '../actions';
import { editorHint } from './editor-hint';
import { linkSelection, mentionAt, replaceMention, wrapSelection, type Edit } from './editor-text';
import { IdentifyingNotice, useIdentifying, type OtherFieldMatches } from './identifying-notice';
import { PersonOption, type Person } from './mention-box';

/** The mention being typed: where its "@" is, what follows it, and the people found for it. */
interface Suggest {
  start: number;
  query: string;
  results: Person[];
  active: number;
  searched: boolean;
}

/**
 * The markdown editor of threads, replies and direct messages: a labelled textarea with formatting
 * shortcuts (Ctrl/⌘ + B, I, K; Ctrl/⌘ + Enter publishes), a preview (the server cooks the markdown
 * exactly as it would store it), inline mentions and the identifying-details check (decision 028).
 *
 * Mentions: typing "@" and two letters looks people up in the space (`spaceId`; in an existing thread,
 * `threadId` too, whose TLP marking narrows them) or the conversation (`conversationId`) through the
 * routes that apply their access rules; the list under the field is a
 * listbox the textarea drives (aria-controls, aria-activedescendant; Up/Down, Enter or Tab, Escape),
 * and choosing inserts `[@Name](/people/id)`. With neither id (a conversation not started yet), no mentions.
 *
 * Identifying details are marked in the field as the member types (HighlightBackdrop, behind the text) and
 * listed under it; `other` adds another field's matches to that list (a new thread's title).
 */
export interface EditorProps {
  spaceId?: string;
  /** The thread replied to or edited in: people its marking leaves out are not offered. */
  threadId?: string;
  conversationId?: string;
  label: string;
  defaultValue?: string;
  errors?: string[];
  /** The kinds of identifying details the server refused the last submission for (ActionState.identifying). */
  identifying?: string[];
  other?: OtherFieldMatches;
  /** Focus the field with this selection once mounted (LazyEditor: the member was already typing in the plain field). */
  initialSelection?: readonly [number, number];
}

export function Editor({ spaceId, threadId, conversationId, label, defaultValue = '', errors, identifying, other, initialSelection }: EditorProps) {
  const t = useTranslations('discussions.editor');
  // A refused submission comes back with the CR LF line breaks of form data; the field shows LF, and
  // offsets (the highlight, selecting a match) count the field's characters.
  const [body, setBody] = useState(() => defaultValue.replace(/\r\n?/g, '\n'));
  const [preview, setPreview] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [announce, setAnnounce] = useState('');
  const lookup = spaceId
    ? `/threads/mentions?${new URLSearchParams({ space: spaceId, ...(threadId ? { thread: threadId } : {}) })}`
    : conversationId
      ? `/messages/people?${new URLSearchParams({ conversation: conversationId })}`
      : null;
  // An "@name" typed in LazyEditor's plain field before this took over opens its list, as if typed here.
  const [suggest, setSuggest] = useState<Suggest | null>(() => {
    const at = lookup && initialSelection ? mentionAt(body, initialSelection[1]) : null;
    return at ? { ...at, results: [], active: 0, searched: false } : null;
  });
  const previewId = useId();
  const areaId = useId();
  const listId = useId();
  const { matches, checked, start: startChecking } = useIdentifying(body);

  const query = suggest?.query.trim() ?? '';

  useEffect(() => {
    if (!lookup || query.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`${lookup}&${new URLSearchParams({ q: query })}`, { signal: controller.signal });
        const json = res.ok ? ((await res.json()) as { results: Person[] }) : { results: [] };
        setSuggest((s) => (s && s.query.trim() === query ? { ...s, results: json.results, active: 0, searched: true } : s));
        setAnnounce(
          json.results.length ? t('mentionsFound', { count: json.results.length }) : t(spaceId ? 'mentionNone' : 'mentionNoneConversation'),
        );
      } catch {
        /* aborted or offline: keep the previous list */
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [lookup, query, spaceId, t]);

  const showPreview = () => {
    startTransition(async () => {
      const fd = new FormData();
      fd.set('body', body);
      const state = await previewAction(null, fd);
      setPreview(state?.ok ? state.data.html : '');
    });
  };

  const area = () => document.getElementById(areaId) as HTMLTextAreaElement | null;

  /** Applies an edit to the text and puts the selection where it says, after React has rendered. */
  const apply = (edit: Edit) => {
    setBody(edit.text);
    setPreview(null);
    requestAnimationFrame(() => {
      const el = area();
      el?.focus();
      el?.setSelectionRange(edit.start, edit.end);
    });
  };

  /** Follows the caret: opens, narrows or closes the mention list. */
  const track = (text: string, caret: number | null) => {
    if (!lookup || caret === null) return setSuggest(null);
    const at = mentionAt(text, caret);
    if (!at) return setSuggest(null);
    setSuggest((s) => (s && s.start === at.start ? { ...s, query: at.query } : { ...at, results: [], active: 0, searched: false }));
  };

  // Taking over from LazyEditor's plain field while the member types: the caret stays where it was. A layout
  // effect, so the field has the focus again in the task that swapped it in (no keystroke lands elsewhere).
  const takeOver = useRef(initialSelection);
  useLayoutEffect(() => {
    const selection = takeOver.current;
    const el = document.getElementById(areaId) as HTMLTextAreaElement | null;
    if (!selection || !el) return;
    el.focus();
    el.setSelectionRange(selection[0], selection[1]);
  }, [areaId]);

  const pick = (person: Person) => {
    const el = area();
    if (!suggest || !el) return;
    const edit = replaceMention(body, suggest.start, el.selectionStart, `${mentionMarkdown(person.name, person.id)} `);
    setSuggest(null);
    setAnnounce(t('mentionInserted', { name: person.name }));
    apply(edit);
  };

  const format = (kind: 'bold' | 'italic' | 'link') => {
    const el = area();
    if (!el) return;
    const { selectionStart: s, selectionEnd: e } = el;
    if (kind === 'bold') apply(wrapSelection(body, s, e, '**', '**', t('boldPlaceholder')));
    else if (kind === 'italic') apply(wrapSelection(body, s, e, '_', '_', t('italicPlaceholder')));
    else apply(linkSelection(body, s, e, t('linkPlaceholder')));
  };

  const open = Boolean(suggest && suggest.results.length && query.length >= 2);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && suggest) {
      const count = suggest.results.length;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const active = (suggest.active + (e.key === 'ArrowDown' ? 1 : count - 1)) % count;
        setSuggest({ ...suggest, active });
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        pick(suggest.results[suggest.active]!);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setSuggest({ ...suggest, results: [], searched: false });
        return;
      }
    }
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 'enter') {
      e.preventDefault();
      e.currentTarget.form?.requestSubmit();
    } else if (key === 'b' || key === 'i' || key === 'k') {
      e.preventDefault();
      format(key === 'b' ? 'bold' : key === 'i' ? 'italic' : 'link');
    }
  };

  const select = (m: IdentifyingMatch) => {
    const el = area();
    el?.focus();
    el?.setSelectionRange(m.start, m.end);
  };

  const tools = [
    { kind: 'bold', label: t('bold'), keys: 'B', mark: <b aria-hidden>{t('boldMark')}</b> },
    { kind: 'italic', label: t('italic'), keys: 'I', mark: <i aria-hidden>{t('italicMark')}</i> },
    {
      kind: 'link',
      label: t('link'),
      keys: 'K',
      mark: (
        <svg aria-hidden viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
        </svg>
      ),
    },
  ] as const;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="flex flex-wrap gap-2" role="group" aria-label={label}>
          <Button variant={preview === null ? 'secondary' : 'ghost'} onClick={() => setPreview(null)} aria-pressed={preview === null}>
            {t('write')}
          </Button>
          <Button variant={preview === null ? 'ghost' : 'secondary'} onClick={showPreview} aria-pressed={preview !== null} disabled={pending}>
            {pending ? t('previewing') : t('preview')}
          </Button>
        </div>
        {preview === null ? (
          <div className="ms-auto flex gap-1" role="group" aria-label={t('formatting')}>
            {tools.map((tool) => (
              <Button
                key={tool.kind}
                variant="ghost"
                className="min-w-10 px-2"
                aria-label={t('shortcut', { action: tool.label, keys: `Ctrl/⌘+${tool.keys}` })}
                title={t('shortcut', { action: tool.label, keys: `Ctrl/⌘+${tool.keys}` })}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => format(tool.kind)}
              >
                {tool.mark}
              </Button>
            ))}
          </div>
        ) : null}
      </div>
      <div hidden={preview !== null} className="relative">
        <TextArea
          id={areaId}
          name="body"
          label={label}
          hint={editorHint(t, lookup ? (spaceId ? 'space' : 'conversation') : null)}
          errors={errors}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            track(e.target.value, e.target.selectionStart);
          }}
          onSelect={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
          onFocus={startChecking}
          onBlur={() => setSuggest(null)}
          onKeyDown={onKeyDown}
          aria-autocomplete={lookup ? 'list' : undefined}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open && suggest ? `${listId}-${suggest.active}` : undefined}
          maxLength={POST_MAX}
          rows={8}
          dir="auto"
          required
          backdrop={<HighlightBackdrop areaId={areaId} text={body} checked={checked} ranges={matches} />}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={t('mentionListLabel')}
          hidden={!open}
          className="absolute inset-x-0 z-10 mt-1 max-h-64 overflow-y-auto rounded-md border border-slate-200 bg-white shadow-lg"
        >
          {open && suggest
            ? suggest.results.map((p, i) => <PersonOption key={p.id} person={p} id={`${listId}-${i}`} active={i === suggest.active} onPick={pick} />)
            : null}
        </ul>
      </div>
      {preview !== null ? (
        <section id={previewId} aria-label={t('previewLabel')} className="min-h-28 rounded-md border border-slate-300 bg-slate-50 p-3">
          {preview ? <Cooked html={preview} /> : <p className="text-slate-600">{t('previewEmpty')}</p>}
        </section>
      ) : null}
      <IdentifyingNotice matches={matches} refused={identifying} onSelect={select} other={other} />
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}
