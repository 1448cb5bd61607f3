'use client';

import Link from '@/app/_components/link';
import { flagOf } from '@/lib/i18n/flags';

/**
 * One person in a list: name (the link to their profile), job title, and where they are not on their
 * organisation's own page, the organisation, sector and country. A client component so that a list's flight
 * data carries each card's few values rather than its markup (issue 17); the page translates and names.
 */
export function PersonCard({
  id,
  name,
  jobTitle,
  organisation,
  unlisted,
}: {
  id: string;
  name: string;
  jobTitle: string;
  /** Left out on an organisation's own page, where it would only repeat the page. */
  organisation?: { name: string; slug: string; sector: string; country: string | null; place: string | null };
  /** Said when the person is hidden from members (only admins see such people). */
  unlisted?: string;
}) {
  const flag = flagOf(organisation?.country);
  return (
    <li className="card space-y-1">
      <Link href={`/people/${id}`} dir="auto" className="block font-semibold break-words">
        {name}
      </Link>
      <p dir="auto" className="text-sm text-slate-800">
        {jobTitle}
      </p>
      {organisation ? (
        <>
          <p className="text-sm text-slate-700">
            <Link href={`/organisations/${organisation.slug}`} dir="auto" className="break-words">
              {organisation.name}
            </Link>
          </p>
          <p className="text-xs text-slate-600">
            {organisation.sector}
            {organisation.place ? (
              <>
                {' · '}
                {flag ? <span aria-hidden>{flag} </span> : null}
                {organisation.place}
              </>
            ) : null}
          </p>
        </>
      ) : null}
      {unlisted ? <p className="text-xs font-semibold text-amber-800">{unlisted}</p> : null}
    </li>
  );
}
