'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { updateOrganisationProfile } from '@/lib/dal/directory/organisations';
import { organisationProfileSchema } from '@/lib/validation/profile';

export const updateOrganisationProfileAction = memberAction(organisationProfileSchema, async (input, { viewer, request, say }) => {
  const { slug } = await updateOrganisationProfile(viewer, input, request);
  revalidatePath(`/organisations/${slug}`);
  return say('directory.editOrganisation.saved');
});
