'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/actions';
import { updateOrganisationProfile } from '@/lib/dal/directory';
import { organisationProfileSchema } from '@/lib/validation/profile';

export const updateOrganisationProfileAction = defineAction({
  access: 'member',
  schema: organisationProfileSchema,
  rateLimit: 'memberAction',
  async handler(input, { viewer, request }) {
    const { slug } = await updateOrganisationProfile(viewer, input, request);
    revalidatePath(`/organisations/${slug}`);
    return { message: (await getTranslations('directory.editOrganisation'))('saved') };
  },
});
