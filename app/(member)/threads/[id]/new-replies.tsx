'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { NewItemsBar, useLiveEvents } from '@/app/_components/live';

/** The post to move focus to once the page that shows it has rendered (set by the bar's button). */
let focusOnLoad: number | null = null;

/**
 * "3 new replies": new posts of the open thread arrive live (app/_components/live.tsx) but are not put
 * into the page, so the reader keeps their place; a polite status says how many there are, and the
 * button shows them (this page rendered again, or the page they are on) and moves focus to the first.
 * The page renders it with `key` = its post count, so it starts afresh once the new posts are shown.
 */
export function NewReplies({ threadId, after, page, perPage }: { threadId: string; after: number; page: number; perPage: number }) {
  const t = useTranslations('discussions.live');
  const router = useRouter();
  const [numbers, setNumbers] = useState<number[]>([]);
  useLiveEvents(
    (type, { number }) => {
      if (type !== 'post' || typeof number !== 'number' || number <= after) return;
      setNumbers((seen) => (seen.includes(number) ? seen : [...seen, number].sort((a, b) => a - b)));
    },
    { threadId, after },
  );
  useEffect(() => {
    const post = focusOnLoad === null ? null : document.getElementById(`post-${focusOnLoad}`);
    if (!post) return;
    focusOnLoad = null;
    post.tabIndex = -1;
    post.focus();
  }, []);

  const count = numbers.length;
  const show = () => {
    const first = numbers[0]!;
    const target = Math.ceil(first / perPage);
    focusOnLoad = first;
    if (target === page) router.refresh();
    else router.push(`/threads/${threadId}?page=${target}#post-${first}`);
  };
  return <NewItemsBar count={count} said={t('newRepliesSaid', { count })} label={t('newReplies', { count })} onShow={show} />;
}
