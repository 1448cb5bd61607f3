import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { isolated } from '@/app/_components/bidi';
import { Cooked } from '@/app/_components/cooked';
import { Pager } from '@/app/_components/list-controls';
import { requireAdmin } from '@/lib/auth/require';
import { currentGuidelinesSource, listGuidelinesVersions } from '@/lib/dal/guidelines/guidelines';
import { languageNamer, languageOptions } from '@/lib/i18n/languages';
import { guidelinesListSchema } from '@/lib/validation/guidelines';
import { PublishGuidelinesForm } from './forms';
import { PageHeader } from '@/app/_components/ui/section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('guidelines.admin'))('title') };
}

/** The community guidelines' versions: publish the next one (every member accepts it at their next request), and the list of those published. */
export default async function GuidelinesAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireAdmin();
  const { cursor } = guidelinesListSchema.parse(await searchParams);
  const [source, page] = await Promise.all([currentGuidelinesSource(viewer), listGuidelinesVersions(viewer, cursor)]);
  const t = await getTranslations('guidelines.admin');
  const format = await getFormatter();
  const locale = await getLocale();
  const languageName = languageNamer(locale);
  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} intro={t('intro')} />
      <section aria-labelledby="publish" className="max-w-3xl space-y-3">
        <h2 id="publish" className="text-lg font-semibold">
          {t('publishTitle')}
        </h2>
        <PublishGuidelinesForm markdown={source?.markdown ?? ''} language={source?.language ?? 'en'} languages={languageOptions(locale)} />
      </section>
      <section aria-labelledby="versions" className="space-y-3">
        <h2 id="versions" className="text-lg font-semibold">
          {t('versions')}
        </h2>
        <ol className="space-y-4">
          {page.items.map((v) => (
            <li key={v.version} className="card space-y-3">
              <h3 className="font-semibold">
                {isolated(t, 'versionTitle', {
                  version: format.number(v.version),
                  date: format.dateTime(v.publishedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  language: languageName(v.language),
                })}
              </h3>
              <p className="text-sm text-slate-600">{v.publishedByName ? isolated(t, 'publishedBy', { name: v.publishedByName }) : t('seeded')}</p>
              <p lang={v.language} dir="auto" className="whitespace-pre-line text-slate-800">
                {v.changeSummary}
              </p>
              <details>
                <summary className="cursor-pointer text-brand-700">{t('showText')}</summary>
                <div lang={v.language} className="mt-3">
                  <Cooked html={v.html} />
                </div>
              </details>
            </li>
          ))}
        </ol>
        <Pager path="/admin/guidelines" params={{}} previous={page.previous} next={page.next} />
      </section>
    </div>
  );
}
