import Link from 'next/link';
import type { DirectoryOrganisation } from '@/lib/dal/directory/organisations';
import { countryName, flagOf } from '@/lib/i18n/countries';
import { OrganisationLogo } from './organisation-logo';

/** One organisation in the directory: logo, name (its link) and country. */
export function OrganisationCard({ organisation, locale, noCountry }: { organisation: DirectoryOrganisation; locale: string; noCountry: string }) {
  const country = countryName(organisation.country, locale);
  return (
    <li className="org-card">
      <OrganisationLogo name={organisation.name} fileId={organisation.logoFileId} />
      <div className="min-w-0">
        <Link href={`/organisations/${organisation.slug}`} dir="auto" className="block font-semibold break-words">
          {organisation.name}
        </Link>
        <p className="text-sm text-slate-700">
          {country ? (
            <>
              <span aria-hidden>{flagOf(organisation.country)} </span>
              {country}
            </>
          ) : (
            noCountry
          )}
        </p>
      </div>
    </li>
  );
}
