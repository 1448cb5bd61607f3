'use client';

import Link from '@/app/_components/link';
import { flagOf } from '@/lib/i18n/flags';
import { OrganisationLogo } from './organisation-logo';

/**
 * One organisation in the directory: logo, name (its link) and country. A client component so that a list's
 * flight data carries each card's few values rather than its markup (issue 17); the page names the country.
 */
export function OrganisationCard({
  slug,
  name,
  logoFileId,
  country,
  place,
}: {
  slug: string;
  name: string;
  logoFileId: string | null;
  country: string | null;
  /** The country's name, or what to say when there is none. */
  place: string;
}) {
  const flag = flagOf(country);
  return (
    <li className="org-card">
      <OrganisationLogo name={name} fileId={logoFileId} />
      <div className="min-w-0">
        <Link href={`/organisations/${slug}`} dir="auto" className="block font-semibold break-words">
          {name}
        </Link>
        <p className="text-sm text-slate-700">
          {flag ? <span aria-hidden>{flag} </span> : null}
          {place}
        </p>
      </div>
    </li>
  );
}
