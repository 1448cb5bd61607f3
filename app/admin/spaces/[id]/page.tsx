import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/app/_components/ui/action-forms';
import { requireAdmin } from '@/lib/auth/require';
import { visibleOr404 } from '@/lib/pages';
import { adminGetSpace, adminListMembers } from '@/lib/dal/discussions/spaces-admin';
import { archiveSpaceAction, changeMemberAction } from '../actions';
import { AddMemberForm, SpaceForm } from '../forms';
import { isolated } from '@/app/_components/bidi';
import { Badge } from '@/app/_components/ui/badge';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const space = await adminGetSpace(await requireAdmin(), (await params).id);
  return { title: space?.name ?? 'Space' };
}

export default async function AdminSpacePage({ params }: Props) {
  const viewer = await requireAdmin();
  const space = await visibleOr404(adminGetSpace(viewer, (await params).id));
  const members = await adminListMembers(viewer, space.id);
  const t = await getTranslations('discussions.admin');
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/admin/spaces">{t('back')}</Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-900">{isolated(t, 'edit', { name: space.name })}</h1>
      <section aria-label={t('edit', { name: space.name })} className="max-w-2xl rounded-lg border border-slate-200 bg-white p-5">
        <SpaceForm space={space} />
      </section>
      <section aria-labelledby="archive-heading" className="max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="archive-heading" className="text-lg font-semibold">
          {space.archivedAt ? t('unarchive') : t('archive')}
        </h2>
        <p className="text-slate-700">{t('archiveText')}</p>
        <ActionButton
          action={archiveSpaceAction}
          fields={{ spaceId: space.id, archived: space.archivedAt ? 'false' : 'true' }}
          pendingLabel={t('save')}
        >
          {space.archivedAt ? t('unarchive') : t('archive')}
        </ActionButton>
      </section>
      <section aria-labelledby="members-heading" className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="members-heading" className="text-lg font-semibold">
          {t('members')}
        </h2>
        <p className="text-slate-700">{t('membersText')}</p>
        {members.length === 0 ? <p>{t('noMembers')}</p> : null}
        <ul className="divide-y divide-slate-100">
          {members.map((m) => (
            <li key={m.userId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <p>
                <span className="font-medium" dir="auto">
                  {m.name}
                </span>{' '}
                <span className="text-sm text-slate-600">
                  {m.email} · <bdi>{m.organisationName}</bdi>
                </span>
                {m.isManager ? (
                  <Badge tone="info" className="ms-2">
                    {t('manager')}
                  </Badge>
                ) : null}
              </p>
              <div className="flex gap-2">
                <ActionButton
                  action={changeMemberAction}
                  fields={{ spaceId: space.id, userId: m.userId, change: m.isManager ? 'member' : 'manager' }}
                  pendingLabel={t('save')}
                >
                  {m.isManager ? t('makeMember') : t('makeManager')}
                  <span className="sr-only"> {m.name}</span>
                </ActionButton>
                <ActionButton
                  action={changeMemberAction}
                  fields={{ spaceId: space.id, userId: m.userId, change: 'remove' }}
                  variant="danger"
                  pendingLabel={t('save')}
                >
                  {t('remove')}
                  <span className="sr-only"> {m.name}</span>
                </ActionButton>
              </div>
            </li>
          ))}
        </ul>
        <h3 className="font-semibold">{t('addMember')}</h3>
        <AddMemberForm spaceId={space.id} />
      </section>
    </div>
  );
}
