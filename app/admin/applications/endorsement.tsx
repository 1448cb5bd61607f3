import { getTranslations } from 'next-intl/server';
import type { Application } from '@/lib/dal/console/applications';
import { Badge } from '../_components/list';

/** What the organisation's focal point said about an application (decision 018). */
export async function Endorsement({ application: a }: { application: Application }) {
  const t = await getTranslations('people.admin');
  const by = a.endorsement?.by ?? t('someone');
  if (a.endorsement?.state === 'endorsed') {
    return (
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone="success">{a.invited ? t('invitedBadge') : t('endorsedBadge')}</Badge>
        <span dir="auto">{t('endorsedBy', { name: by })}</span>
      </span>
    );
  }
  if (a.endorsement?.state === 'declined') {
    return (
      <span className="space-y-1">
        <Badge tone="danger">{t('declinedBadge')}</Badge> <span dir="auto">{t('declinedBy', { name: by, reason: a.endorsement.reason ?? '' })}</span>
      </span>
    );
  }
  return <span>{a.waitsUntil ? t('waiting') : t('none')}</span>;
}
