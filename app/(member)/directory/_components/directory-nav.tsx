import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import clsx from 'clsx';

/** The two halves of the directory: organisations and people. */
export async function DirectoryNav({ current }: { current: 'organisations' | 'people' }) {
  const t = await getTranslations('directory.tabs');
  const links = [
    { key: 'organisations', href: '/directory', label: t('organisations') },
    { key: 'people', href: '/directory/people', label: t('people') },
  ] as const;
  return (
    <nav aria-label={t('label')}>
      <ul className="flex gap-1 border-b border-slate-200">
        {links.map((l) => (
          <li key={l.key}>
            <Link
              href={l.href}
              aria-current={current === l.key ? 'page' : undefined}
              className={clsx(
                '-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium no-underline hover:no-underline',
                current === l.key ? 'border-brand-700 text-brand-900' : 'border-transparent text-slate-700 hover:border-slate-300',
              )}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
