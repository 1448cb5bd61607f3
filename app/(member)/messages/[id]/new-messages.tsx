'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { NewItemsBar, useLiveEvents } from '@/app/_components/live';

/** The message to move focus to once the page that shows it has rendered (set by the bar's button). */
let focusOnLoad: number | null = null;

/**
 * "2 new messages": new messages of the open conversation arrive live over /api/events (which asks
 * lib/dal/messages/live.ts, under conversationAccess and messageAccess, before saying anything) but are
 * not put into the page, so the reader keeps their place and their draft; a polite status says how many,
 * and the button shows the newest page (marking them read) and moves focus to the first new one. The page
 * renders it with `key` = its last message number, so it starts afresh once they are shown.
 */
export function NewMessages({ conversationId, after, latest }: { conversationId: string; after: number; latest: boolean }) {
  const t = useTranslations('messages.live');
  const router = useRouter();
  const [numbers, setNumbers] = useState<number[]>([]);
  useLiveEvents(
    (type, { number }) => {
      if (type !== 'dm' || typeof number !== 'number' || number <= after) return;
      setNumbers((seen) => (seen.includes(number) ? seen : [...seen, number].sort((a, b) => a - b)));
    },
    { conversationId, after },
  );
  useEffect(() => {
    const message = focusOnLoad === null ? null : document.querySelector<HTMLElement>(`[data-number="${focusOnLoad}"]`);
    if (!message) return;
    focusOnLoad = null;
    message.tabIndex = -1;
    message.focus();
  }, []);

  const count = numbers.length;
  const show = () => {
    focusOnLoad = numbers[0]!;
    if (latest) router.refresh();
    else router.push(`/messages/${conversationId}`);
  };
  return <NewItemsBar count={count} said={t('newMessagesSaid', { count })} label={t('newMessages', { count })} onShow={show} />;
}
