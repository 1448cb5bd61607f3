import type { Metadata } from 'next';
import { ReportControl } from '@/app/_components/moderation-tools';
import Link from '@/app/_components/link';
import { after } from 'next/server';
import type { ReactNode } from 'react';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Cooked } from '@/app/_components/cooked';
import { Pager } from '@/app/_components/list-controls';
import { buttonClass } from '@/app/_components/ui/button';
import { requireViewer } from '@/lib/auth/require';
import { getViewer } from '@/lib/auth/viewer';
import { topicOptions } from '@/lib/dal/resources/options';
import { getResource } from '@/lib/dal/resources/resources';
import { markNotificationsReadAbout } from '@/lib/dal/notifications/notifications';
import { listDownloadTrail } from '@/lib/dal/resources/downloads';
import { visibleOr404 } from '@/lib/pages';
import { languageNamer } from '@/lib/i18n/languages';
import { maxUploadBytes } from '@/lib/uploads/receive';
import { ACCEPT_ATTRIBUTE } from '@/lib/uploads/types';
import { DeleteResourceForm, NewVersionForm } from './forms';
import { Arrow } from '@/app/_components/ui/arrow';
import { isolated } from '@/app/_components/bidi';
import { localiseAreas } from '@/lib/i18n/expertise';
import { formerMemberNames } from '@/app/_components/former-member';
import { TlpLabel } from '@/app/_components/tlp-label';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await getViewer();
  if (!viewer) return {};
  const resource = await getResource(viewer, (await params).id).catch(() => null);
  return { title: resource?.title ?? (await getTranslations('resources'))('title') };
}

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export default async function ResourcePage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requireViewer();
  const resource = await visibleOr404(getResource(viewer, id));
  // Its notifications (a lowered marking, decision 030) are read once the page has been sent.
  after(() => markNotificationsReadAbout(viewer, { resourceId: resource.id }));
  const t = await getTranslations('resources');
  const named = await formerMemberNames();
  const tSectors = await getTranslations('common.sectors');
  const tTlp = await getTranslations('common.tlp');
  const format = await getFormatter();
  const locale = await getLocale();
  const topics = new Map((await localiseAreas(await topicOptions())).map((o) => [o.slug, o.label]));
  const trailCursor = (await searchParams).trail;
  const trail =
    resource.canSeeTrail && resource.visibility !== 'all_members'
      ? await listDownloadTrail(viewer, resource.id, typeof trailCursor === 'string' ? trailCursor : undefined)
      : null;
  const current = resource.versions[0];
  const downloadable = (v: { state: string }) => v.state === 'available' || v.state === 'not_scanned';
  const isImage = current?.contentType.startsWith('image/') && downloadable(current);
  /** What is said instead of (or beside, for admins: "not scanned") a file's download link (decision 024). */
  const fileNotice = (v: { state: string }) =>
    v.state === 'available' ? null : (
      <span className={v.state === 'removed' ? 'text-red-800' : 'text-slate-700'}>
        {t(`detail.fileState.${v.state as 'not_scanned' | 'pending' | 'removed'}`)}
      </span>
    );
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  const visibleTo =
    resource.visibility === 'sectors'
      ? t('visibilityBadge.sectors', { sectors: resource.sectors.map((s) => tSectors(s)).join(', ') })
      : t(`visibilityBadge.${resource.visibility}`, { organisation: resource.organisationName, space: resource.spaceName ?? '' });

  const facts: [string, ReactNode][] = [
    [
      t('detail.organisation'),
      <Link key="o" href={`/organisations/${resource.organisationSlug}`} dir="auto">
        {resource.organisationName}
      </Link>,
    ],
    [
      t('detail.contributor'),
      <span key="c" dir="auto">
        {named(resource.contributorName)}
      </span>,
    ],
    [t('detail.type'), t(`types.${resource.type}`)],
    ...(resource.topics.length ? [[t('detail.topics'), resource.topics.map((s) => topics.get(s) ?? s).join(', ')] as [string, string]] : []),
    ...(resource.languages.length ? [[t('detail.languages'), resource.languages.map(languageNamer(locale)).join(', ')] as [string, string]] : []),
    ...(resource.year ? [[t('detail.year'), String(resource.year)] as [string, string]] : []),
    [t('detail.visibility'), visibleTo],
    [t('detail.added'), date(resource.createdAt)],
    ...(resource.url ? [] : [[t('detail.downloads'), format.number(resource.downloadCount)] as [string, string]]),
  ];

  return (
    <article className="space-y-8">
      <div className="space-y-2">
        <Link href="/resources" className="text-sm">
          <Arrow to="back" /> {t('detail.back')}
        </Link>
        <h1 className="text-2xl font-bold break-words text-brand-900" dir="auto">
          {resource.title}
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <TlpLabel marking={resource.marking} />
          <span>
            {tTlp(`meaning.${resource.marking}`)}
            {resource.markingOrganisations.length
              ? ` ${tTlp('forOrganisations', { names: [resource.organisationName, ...resource.markingOrganisations.map((o) => o.name)].join(', ') })}`
              : null}
            {resource.markingPeople.length
              ? ` ${tTlp('forPeople', { names: [resource.contributorName, ...resource.markingPeople.map((p) => p.name)].join(', ') })}`
              : null}
          </span>
        </p>
      </div>

      <div className="grid gap-8 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {resource.descriptionHtml ? <Cooked html={resource.descriptionHtml} /> : null}
          {isImage && current ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={`/api/files/${current.fileId}?inline=1`}
              alt={t('detail.preview', { title: resource.title })}
              className="max-h-[32rem] max-w-full rounded border border-slate-200"
            />
          ) : null}
          <div className="flex flex-wrap gap-3">
            {resource.url ? (
              <div className="space-y-1">
                <a href={resource.url} rel="noopener noreferrer nofollow" target="_blank" className={buttonClass('primary')}>
                  {t('detail.openLink')}
                </a>
                <p className="text-sm text-slate-600">{t('detail.linkNote', { host: new URL(resource.url).host })}</p>
              </div>
            ) : current ? (
              <div className="space-y-1">
                {downloadable(current) ? (
                  <a href={`/api/files/${current.fileId}`} className={buttonClass('primary')} download>
                    {isolated(t, 'detail.downloadFile', { name: current.fileName, size: formatSize(current.size) })}
                  </a>
                ) : null}
                <p className="text-sm">{fileNotice(current)}</p>
              </div>
            ) : null}
            {resource.canEdit ? (
              <Link href={`/resources/${resource.id}/edit`} className={buttonClass('secondary')}>
                {t('detail.edit')}
              </Link>
            ) : null}
          </div>
        </div>
        <dl className="card space-y-3 text-sm">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="font-medium text-slate-600">{label}</dt>
              <dd className="text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </div>

      {resource.versions.length ? (
        <section aria-labelledby="versions" className="space-y-3">
          <h2 id="versions" className="text-lg font-semibold">
            {t('detail.versions')}
          </h2>
          <ol className="space-y-2">
            {resource.versions.map((v, i) => (
              <li key={v.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
                <p>
                  {downloadable(v) ? (
                    <a href={`/api/files/${v.fileId}`} download>
                      {t('detail.version', { number: v.number })}: {v.fileName}
                    </a>
                  ) : (
                    <>
                      {t('detail.version', { number: v.number })}: {v.fileName}
                    </>
                  )}{' '}
                  ({formatSize(v.size)}){i === 0 ? <> · {t('detail.current')}</> : null}
                  {v.state === 'available' ? null : <> · {fileNotice(v)}</>}
                </p>
                <p className="text-slate-600" dir="auto">
                  {isolated(t, 'detail.versionBy', { name: named(v.createdByName), date: date(v.createdAt) })}
                  {v.note ? <> · {v.note}</> : null}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {resource.canEdit && !resource.url ? (
        <section aria-labelledby="new-version" className="max-w-2xl space-y-3">
          <h2 id="new-version" className="text-lg font-semibold">
            {t('detail.newVersion')}
          </h2>
          <NewVersionForm resourceId={resource.id} maxMb={Math.round(maxUploadBytes() / 1024 / 1024)} accept={ACCEPT_ATTRIBUTE} />
        </section>
      ) : null}

      {trail ? (
        <section aria-labelledby="trail" className="space-y-3">
          <h2 id="trail" className="text-lg font-semibold">
            {t('detail.trail')}
          </h2>
          <p className="text-sm text-slate-700">{t('detail.trailIntro')}</p>
          {trail.items.length ? (
            <div role="region" aria-labelledby="trail-caption" tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-start text-sm">
                <caption id="trail-caption" className="sr-only">
                  {t('detail.trailCaption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="px-4 py-2">
                      {t('detail.trailWho')}
                    </th>
                    <th scope="col" className="px-4 py-2">
                      {t('detail.trailWhen')}
                    </th>
                    <th scope="col" className="px-4 py-2">
                      {t('detail.trailVersion')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {trail.items.map((row) => (
                    <tr key={row.id} className="border-t border-slate-100">
                      <td className="px-4 py-2" dir="auto">
                        {named(row.userName)} ({row.organisationName})
                      </td>
                      <td className="px-4 py-2 whitespace-nowrap">{format.dateTime(row.at, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                      <td className="px-4 py-2">{row.versionNumber ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="text-sm text-slate-700">{t('detail.trailEmpty')}</p>
          )}
          <Pager path={`/resources/${resource.id}`} params={{}} previous={trail.previous} next={trail.next} cursorParam="trail" />
        </section>
      ) : null}

      {resource.canEdit ? (
        <section aria-labelledby="delete" className="max-w-2xl space-y-3">
          <h2 id="delete" className="text-lg font-semibold">
            {t('detail.delete')}
          </h2>
          <DeleteResourceForm resourceId={resource.id} />
        </section>
      ) : null}
      <ReportControl kind="resource" targetId={resource.id} />
    </article>
  );
}
