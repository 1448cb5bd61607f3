import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth/require';
import { adminListSpaces } from '@/lib/dal/discussions/spaces-admin';
import { Badge, Empty, Table, td } from '../_components/list';
import { SpaceForm } from './forms';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('discussions.admin'))('title') };
}

export default async function AdminSpacesPage() {
  const viewer = await requireAdmin();
  const spaces = await adminListSpaces(viewer);
  const t = await getTranslations();
  return (
    <div className="space-y-8">
      <PageHeader title={t('discussions.admin.title')} intro={t('discussions.admin.intro')} />
      {spaces.length === 0 ? (
        <Empty>{t('discussions.admin.empty')}</Empty>
      ) : (
        <Table
          caption={t('discussions.admin.title')}
          captionId="spaces-caption"
          columns={[
            t('discussions.admin.colName'),
            t('discussions.admin.colAccess'),
            t('discussions.admin.colThreads'),
            t('discussions.admin.colMembers'),
            t('discussions.admin.colStatus'),
          ]}
        >
          {spaces.map((s) => (
            <tr key={s.id}>
              <th scope="row" className={`${td} font-medium`}>
                <Link href={`/admin/spaces/${s.id}`} dir="auto">
                  {s.name}
                </Link>
              </th>
              <td className={td}>
                {t(`discussions.access.${s.access}`)}
                {s.access === 'sector' ? (
                  <span className="block text-xs text-slate-600">{s.sectors.map((x) => t(`common.sectors.${x}`)).join(', ')}</span>
                ) : null}
                {s.chathamHouse ? (
                  <Badge tone="info" className="mt-1 block w-fit">
                    {t('discussions.chatham.badge')}
                  </Badge>
                ) : null}
              </td>
              <td className={td}>{s.threadCount}</td>
              <td className={td}>{s.access === 'request' ? s.memberCount : '–'}</td>
              <td className={td}>
                <Badge tone={s.archivedAt ? 'neutral' : 'success'}>
                  {s.archivedAt ? t('discussions.admin.archived') : t('discussions.admin.active')}
                </Badge>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <section aria-labelledby="create-space" className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="create-space" className="text-lg font-semibold">
          {t('discussions.admin.create')}
        </h2>
        <SpaceForm />
      </section>
    </div>
  );
}
