import type { ReactNode } from 'react';
import type { Viewer } from '@/lib/auth/viewer';
import { OrganisationResources } from '@/app/(member)/resources/_components/organisation-resources';
import { OrganisationPeopleSection } from '../people/_components/people-section';
import { OrganisationStorageSection } from './storage-section';

export interface OrganisationSectionProps {
  viewer: Viewer;
  organisation: { id: string; slug: string; name: string; isSecretariat?: boolean };
}

/**
 * Further sections of an organisation's page, in order, each a server component that renders nothing
 * when it has nothing to show (e.g. the organisation's resources, its recent public threads). A
 * feature adds its section by appending it here; the page renders each under its own heading.
 */
export const ORGANISATION_SECTIONS: ((props: OrganisationSectionProps) => Promise<ReactNode>)[] = [
  OrganisationPeopleSection,
  OrganisationResources,
  OrganisationStorageSection,
];
