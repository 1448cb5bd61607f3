import { getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/badge';

const tone = { urgent: 'danger', pinned: 'info', locked: 'neutral' } as const;

/** Urgent, pinned and locked markers of a thread (text, not colour alone). */
export async function ThreadBadges({ isUrgent, isPinned, isLocked }: { isUrgent: boolean; isPinned: boolean; isLocked: boolean }) {
  const t = await getTranslations('discussions.badges');
  const shown = (['urgent', 'pinned', 'locked'] as const).filter((k) => ({ urgent: isUrgent, pinned: isPinned, locked: isLocked })[k]);
  if (!shown.length) return null;
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      {shown.map((k) => (
        <Badge key={k} tone={tone[k]}>
          {t(k)}
        </Badge>
      ))}
    </span>
  );
}
