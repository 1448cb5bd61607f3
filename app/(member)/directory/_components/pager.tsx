import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/app/_components/ui/button';
import { hrefWith } from './links';

/** Previous and Next links of a keyset list, keeping the filters. */
export async function Pager({ path, params, previous, next }: { path: string; params: Record<string, string | undefined>; previous: string | null; next: string | null }) {
  if (!previous && !next) return null;
  const t = await getTranslations('directory');
  return (
    <nav aria-label={t('pagination')} className="flex items-center justify-between gap-4">
      {previous ? (
        <Link href={hrefWith(path, { ...params, cursor: previous })} rel="prev" className={buttonClass('secondary')}>
          <span aria-hidden>←</span> {t('previous')}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={hrefWith(path, { ...params, cursor: next })} rel="next" className={buttonClass('secondary')}>
          {t('next')} <span aria-hidden>→</span>
        </Link>
      ) : null}
    </nav>
  );
}
