import { createOrganisation, signedIn } from '@/testing/factories';
import type { Viewer } from '@/lib/auth/sessions';
import type { CreateResourceInput } from '@/lib/validation/resources';

/** A valid new resource (a link shared with every member), with what a test changes. */
export const resourceInput = (over: Partial<CreateResourceInput>): CreateResourceInput => ({
  title: 'A resource',
  description: '',
  type: 'report',
  topics: [],
  languages: ['en'],
  visibility: 'all_members',
  sectors: [],
  kind: 'link',
  url: 'https://example.org/report',
  ...over,
});

/**
 * The people a resource's visibility is tried against: a contributor at a government organisation, a
 * colleague and its focal point, a focal point at another government organisation, a civil society member,
 * a moderator (civil society) and an admin.
 */
export async function resourcePeople() {
  const gov = await createOrganisation({ sector: 'government' });
  const otherGov = await createOrganisation({ sector: 'government' });
  const civil = await createOrganisation({ sector: 'civil_society' });
  const people: Record<
    'contributor' | 'colleague' | 'focalPoint' | 'sameSector' | 'otherSector' | 'moderator' | 'admin',
    Viewer & { rawSessionId: string }
  > = {
    contributor: await signedIn({ organisationId: gov.id }),
    colleague: await signedIn({ organisationId: gov.id }),
    focalPoint: await signedIn({ organisationId: gov.id, isFocalPoint: true }),
    sameSector: await signedIn({ organisationId: otherGov.id, isFocalPoint: true }),
    otherSector: await signedIn({ organisationId: civil.id }),
    moderator: await signedIn({ organisationId: civil.id, role: 'moderator' }),
    admin: await signedIn({ role: 'admin' }),
  };
  return people;
}
export type ResourcePeople = Awaited<ReturnType<typeof resourcePeople>>;
