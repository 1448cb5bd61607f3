import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import type { ResourceCard } from '@/lib/dal/resources/cards';

/**
 * Cards under a message or post for the resources its links name and the reader may see (title, type,
 * organisation; lib/dal/resources/cards.ts). Links to anything else stay plain links in the text.
 */
export async function ResourceCards({ cards }: { cards: ResourceCard[] }) {
  const t = await getTranslations('resources');
  return (
    <ul aria-label={t('cards.label')} className="mt-3 grid gap-2">
      {cards.map((card) => (
        <li key={card.id} className="min-w-0 rounded-md border border-slate-200 bg-white p-3">
          <Link href={`/resources/${card.id}`} className="font-semibold break-words" dir="auto">
            {card.title}
          </Link>
          <p className="text-sm break-words text-slate-700">
            {t(`types.${card.type}`)} · <bdi>{card.organisationName}</bdi>
          </p>
        </li>
      ))}
    </ul>
  );
}
