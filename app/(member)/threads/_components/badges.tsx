import { getTranslations } from 'next-intl/server';

const tone = {
  urgent: 'bg-red-100 text-red-900',
  pinned: 'bg-brand-50 text-brand-900',
  locked: 'bg-slate-200 text-slate-800',
};

/** Urgent, pinned and locked markers of a thread (text, not colour alone). */
export async function ThreadBadges({ isUrgent, isPinned, isLocked }: { isUrgent: boolean; isPinned: boolean; isLocked: boolean }) {
  const t = await getTranslations('discussions.badges');
  const shown = (['urgent', 'pinned', 'locked'] as const).filter((k) => ({ urgent: isUrgent, pinned: isPinned, locked: isLocked })[k]);
  if (!shown.length) return null;
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      {shown.map((k) => (
        <span key={k} className={`rounded px-2 py-0.5 text-xs font-semibold ${tone[k]}`}>
          {t(k)}
        </span>
      ))}
    </span>
  );
}
