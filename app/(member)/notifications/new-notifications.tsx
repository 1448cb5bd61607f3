'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useLiveEvents } from '@/app/_components/live';
import { Button } from '@/app/_components/ui/button';

/**
 * New notifications while the page is open (app/_components/live.tsx): a polite status says how many
 * are unread and a button shows them (the page rendered again, which renders this afresh: `key`).
 */
export function NewNotifications({ unread }: { unread: number }) {
  const t = useTranslations('discussions');
  const router = useRouter();
  const [count, setCount] = useState(unread);
  useLiveEvents((type, data) => {
    if (type === 'unread' && typeof data.count === 'number') setCount(data.count);
  });
  const more = count > unread;
  return (
    <>
      <p role="status" className="sr-only">
        {more ? t('nav.notificationsUnread', { count }) : ''}
      </p>
      {more ? <Button onClick={() => router.refresh()}>{t('live.newNotifications')}</Button> : null}
    </>
  );
}
