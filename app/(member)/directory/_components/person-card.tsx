import Link from 'next/link';
import type { PersonCard as Person } from '@/lib/dal/directory/people';
import { countryName, flagOf } from '@/lib/i18n/countries';

/** One person in a list: name (the link to their profile), job title, organisation, sector and country. */
export function PersonCard({
  person,
  locale,
  sector,
  unlisted,
  withOrganisation = true,
}: {
  person: Person;
  locale: string;
  sector: string;
  unlisted?: string;
  /** Off on an organisation's own page, where it would only repeat the page. */
  withOrganisation?: boolean;
}) {
  const country = countryName(person.country, locale);
  return (
    <li className="card space-y-1">
      <Link href={`/people/${person.id}`} dir="auto" className="block font-semibold break-words">
        {person.name}
      </Link>
      <p dir="auto" className="text-sm text-slate-800">
        {person.jobTitle}
      </p>
      {withOrganisation ? (
        <>
          <p className="text-sm text-slate-700">
            <Link href={`/organisations/${person.organisationSlug}`} dir="auto" className="break-words">
              {person.organisationName}
            </Link>
          </p>
          <p className="text-xs text-slate-600">
            {sector}
            {country ? (
              <>
                {' · '}
                <span aria-hidden>{flagOf(person.country)} </span>
                {country}
              </>
            ) : null}
          </p>
        </>
      ) : null}
      {unlisted && !person.listed ? <p className="text-xs font-semibold text-amber-800">{unlisted}</p> : null}
    </li>
  );
}
