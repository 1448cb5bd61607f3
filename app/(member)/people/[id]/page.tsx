import type { Metadata } from 'next';
import { ReportControl } from '@/app/_components/moderation-tools';
import Link from '@/app/_components/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/alert';
import { buttonClass } from '@/app/_components/ui/button';
import { Cooked } from '@/app/_components/cooked';
import { hrefWith } from '@/app/_components/list-controls';
import { requireViewer } from '@/lib/auth/require';
import { visibleOr404 } from '@/lib/pages';
import { getPerson } from '@/lib/dal/directory/people';
import { countryName, flagOf } from '@/lib/i18n/countries';
import { languageNamer } from '@/lib/i18n/languages';
import { localiseAreas } from '@/lib/i18n/expertise';
import { Badge } from '@/app/_components/ui/badge';
import { PersonMessageTools } from '@/app/(member)/messages/person-tools';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireViewer();
  const person = await visibleOr404(getPerson(viewer, (await params).id));
  return { title: person.name };
}

/** A member's profile: 404 to members when the person is not listed (or not active). */
export default async function PersonPage({ params }: Props) {
  const viewer = await requireViewer();
  const person = await visibleOr404(getPerson(viewer, (await params).id));
  const t = await getTranslations('directory');
  const tCommon = await getTranslations('common');
  const format = await getFormatter();
  const locale = await getLocale();
  const languageName = languageNamer(locale);
  const expertise = await localiseAreas(person.expertise);
  const country = countryName(person.country, locale);
  const chip = 'inline-block rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-900 no-underline hover:underline';

  return (
    <article className="max-w-3xl space-y-8">
      {!person.listed ? <Alert tone="warning">{person.isSelf ? t('person.unlistedNotice') : t('person.unlistedAdmin')}</Alert> : null}
      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="space-y-1">
          <h1 dir="auto" className="text-2xl font-bold break-words text-brand-900">
            {person.name}
            {person.pronouns ? (
              <span dir="auto" className="ms-2 text-base font-normal text-slate-600">
                ({person.pronouns})
              </span>
            ) : null}
          </h1>
          <p dir="auto" className="text-lg text-slate-800">
            {person.jobTitle}
          </p>
          <p>
            <Link href={`/organisations/${person.organisationSlug}`} dir="auto">
              {person.organisationName}
            </Link>
            {person.isFocalPoint ? (
              <Badge tone="success" className="ms-2">
                {t('organisation.focalPoint')}
              </Badge>
            ) : null}
          </p>
          <p className="text-sm text-slate-700">
            {tCommon(`sectors.${person.sector}`)}
            {country ? (
              <>
                {' · '}
                <span aria-hidden>{flagOf(person.country)} </span>
                {country}
              </>
            ) : null}
            {' · '}
            {t('person.joined')} {format.dateTime(person.joinedAt, { year: 'numeric', month: 'long' })}
          </p>
        </div>
        {person.isSelf ? (
          <Link href="/settings/profile" className={buttonClass('secondary')}>
            {t('person.editOwn')}
          </Link>
        ) : (
          <PersonMessageTools viewer={viewer} personId={person.id} name={person.name} />
        )}
      </header>

      <section aria-labelledby="about" className="space-y-2">
        <h2 id="about" className="text-lg font-semibold">
          {t('person.about')}
        </h2>
        {person.bioHtml ? <Cooked html={person.bioHtml} /> : <p className="text-slate-700">{t('person.noBio')}</p>}
      </section>

      {person.expertise.length ? (
        <section aria-labelledby="expertise" className="space-y-2">
          <h2 id="expertise" className="text-lg font-semibold">
            {t('person.expertise')}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {expertise.map((e) => (
              <li key={e.slug}>
                <Link href={hrefWith('/directory/people', { expertise: e.slug })} className={chip}>
                  {e.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {person.languages.length ? (
        <section aria-labelledby="languages" className="space-y-2">
          <h2 id="languages" className="text-lg font-semibold">
            {t('person.languages')}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {person.languages.map((l) => (
              <li key={l}>
                <Link href={hrefWith('/directory/people', { language: l })} className={chip}>
                  {languageName(l)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="contact" className="space-y-2">
        <h2 id="contact" className="text-lg font-semibold">
          {t('person.contact')}
        </h2>
        {person.email || person.phone ? (
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
            {person.email ? (
              <>
                <dt className="font-medium text-slate-600">{t('person.email')}</dt>
                <dd className="break-all">
                  <a href={`mailto:${person.email}`}>{person.email}</a>
                </dd>
              </>
            ) : null}
            {person.phone ? (
              <>
                <dt className="font-medium text-slate-600">{t('person.phone')}</dt>
                <dd>
                  <a href={`tel:${person.phone.replace(/[^+0-9]/g, '')}`}>{person.phone}</a>
                </dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p className="text-slate-700">{t('person.noContact')}</p>
        )}
      </section>
      {person.isSelf ? null : <ReportControl kind="person" targetId={person.id} />}
    </article>
  );
}
