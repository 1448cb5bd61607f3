'use client';

import { useTranslations } from 'next-intl';
import { NotFoundFrame } from './not-found-frame';

/**
 * The root's "Page not found". Every page's data carries the root not-found boundary's element (twice):
 * drawn in the browser from the shared `errors` messages, it is a reference there rather than its markup
 * (issue 17).
 */
export function RootNotFound() {
  const t = useTranslations('errors');
  return <NotFoundFrame main title={t('pageNotFound')} text={t('pageNotFoundText')} href="/" label={t('backHome')} />;
}
