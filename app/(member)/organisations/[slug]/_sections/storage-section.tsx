import { getFormatter, getTranslations } from 'next-intl/server';
import { organisationStorage } from '@/lib/dal/resources/quota';
import { formatBytes } from '@/lib/i18n/sizes';
import type { OrganisationSectionProps } from '.';
import { SectionCard } from './section-card';

/**
 * How much of its storage quota the organisation uses: shown to its own focal points and admins only
 * (organisationStorage decides; nothing is rendered for anyone else).
 */
export async function OrganisationStorageSection({ viewer, organisation }: OrganisationSectionProps) {
  const storage = await organisationStorage(viewer, organisation.id);
  if (!storage) return null;
  const t = await getTranslations('directory.storage');
  const format = await getFormatter();
  return (
    <SectionCard id="storage" title={t('title')}>
      <p className="text-slate-800">{t('used', { used: formatBytes(format, storage.used), quota: formatBytes(format, storage.quota) })}</p>
      <progress
        value={Math.min(storage.used, storage.quota)}
        max={storage.quota}
        aria-label={t('label', { name: organisation.name })}
        className="h-2 w-full max-w-md overflow-hidden rounded-full accent-brand-700"
      />
      <p className="text-sm text-slate-600">{t('hint')}</p>
    </SectionCard>
  );
}
