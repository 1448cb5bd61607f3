'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/app/_components/ui/button';

/**
 * Live updates in the browser: ONE EventSource per page on /api/events (lib/live/stream.ts), shared by
 * the components that listen (the header's count, a thread's new-replies bar, a conversation's
 * new-messages bar, the notifications page).
 * The browser reconnects by itself, sending the last post number it saw (Last-Event-ID).
 */
type LiveData = { count?: number; number?: number };
type Handler = (type: 'unread' | 'post' | 'messages' | 'dm', data: LiveData) => void;

const handlers = new Set<Handler>();
/** The open thread's (`thread=`) or conversation's (`conversation=`) new posts or messages after a number. */
let thread: { id: string; param: 'thread' | 'conversation'; after: number } | null = null;
let source: EventSource | null = null;
let opened = '';
let pending = false;

/** Opens, changes or closes the page's one connection once the components of a render have said what they want. */
function sync() {
  if (pending) return;
  pending = true;
  queueMicrotask(() => {
    pending = false;
    const wanted = handlers.size === 0 ? '' : thread ? `/api/events?${thread.param}=${thread.id}&after=${thread.after}` : '/api/events';
    // The same thread or conversation (or none) keeps its connection: only its id decides.
    if (wanted.split('&')[0] === opened.split('&')[0]) return;
    source?.close();
    opened = wanted;
    source = wanted ? new EventSource(wanted) : null;
    for (const type of ['unread', 'post', 'messages', 'dm'] as const) {
      source?.addEventListener(type, (e) => {
        const data = JSON.parse((e as MessageEvent<string>).data) as LiveData;
        for (const handler of handlers) handler(type, data);
      });
    }
  });
}

/**
 * Calls `handler` with the member's live events; `watch` adds the new posts of a thread (`threadId`) or
 * the new messages of a conversation (`conversationId`) after a number.
 */
export function useLiveEvents(handler: Handler, watch?: { threadId?: string; conversationId?: string; after: number }) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const watched = watch?.threadId ?? watch?.conversationId;
  const param = watch?.threadId ? 'thread' : 'conversation';
  const after = watch?.after ?? 0;
  useEffect(() => {
    const mine: Handler = (type, data) => latest.current(type, data);
    handlers.add(mine);
    if (watched) thread = { id: watched, param, after };
    sync();
    return () => {
      handlers.delete(mine);
      if (watched && thread?.id === watched) thread = null;
      sync();
    };
  }, [watched, param, after]);
}

/** The header's count of conversations with unread direct messages (the server's at first, then live), and the link's name. */
export function LiveMessages({ initial, cap }: { initial: number; cap: number }) {
  const t = useTranslations('messages.nav');
  const [count, setCount] = useState(initial);
  useLiveEvents((type, data) => {
    if (type === 'messages' && typeof data.count === 'number') setCount(data.count);
  });
  return <HeaderCount count={count} cap={cap} label={count ? t('unread', { count }) : t('messages')} />;
}

/** A header link's name for screen readers and its count badge. */
function HeaderCount({ count, cap, label }: { count: number; cap: number; label: string }) {
  return (
    <>
      <span className="sr-only">{label}</span>
      {count ? (
        <span aria-hidden className="absolute -end-0.5 -top-0.5 rounded-full bg-red-700 px-1.5 text-xs leading-5 font-semibold text-white">
          {count > cap ? `${cap}+` : count}
        </span>
      ) : null}
    </>
  );
}

/** The header's unread count (the server's at first, then live) and the link's name for screen readers. */
export function LiveUnread({ initial, cap }: { initial: number; cap: number }) {
  const t = useTranslations('discussions.nav');
  const [count, setCount] = useState(initial);
  useLiveEvents((type, data) => {
    if (type === 'unread' && typeof data.count === 'number') setCount(data.count);
  });
  return <HeaderCount count={count} cap={cap} label={count ? t('notificationsUnread', { count }) : t('notifications')} />;
}

/**
 * The bar of a page whose new items arrive live without being put in (a thread's replies, a
 * conversation's messages): a polite status saying how many (`said`), and a button (`label`) that shows
 * them, held at the bottom of the view. Nothing while `count` is 0.
 */
export function NewItemsBar({ count, said, label, onShow }: { count: number; said: string; label: string; onShow: () => void }) {
  return (
    <>
      <p role="status" className="sr-only">
        {count ? said : ''}
      </p>
      {count ? (
        <div className="sticky bottom-4 z-10 flex justify-center">
          <Button onClick={onShow} className="shadow-lg">
            {label}
          </Button>
        </div>
      ) : null}
    </>
  );
}
