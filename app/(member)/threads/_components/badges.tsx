import { getTranslations } from 'next-intl/server';
import { BadgeGroup, type Tone } from '@/app/_components/ui/badge';

const tone = { urgent: 'danger', pinned: 'info', locked: 'neutral' } as const;

/** The urgent, pinned and locked markers a thread has, as tone and words (text, not colour alone). */
export async function threadFlags({
  isUrgent,
  isPinned,
  isLocked,
}: {
  isUrgent: boolean;
  isPinned: boolean;
  isLocked: boolean;
}): Promise<[Tone, string][]> {
  const t = await getTranslations('discussions.badges');
  return (['urgent', 'pinned', 'locked'] as const)
    .filter((k) => ({ urgent: isUrgent, pinned: isPinned, locked: isLocked })[k])
    .map((k) => [tone[k], t(k)]);
}

/** Urgent, pinned and locked markers of a thread (text, not colour alone). */
export async function ThreadBadges(thread: { isUrgent: boolean; isPinned: boolean; isLocked: boolean }) {
  return <BadgeGroup badges={await threadFlags(thread)} />;
}
