'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/actions';
import { deactivateOrganisation, reactivateOrganisation, updateOrganisation } from '@/lib/dal/organisations';
import { organisationSchema, organisationStatusSchema } from '@/lib/validation/admin';

export const updateOrganisationAction = defineAction({
  access: 'member',
  schema: organisationSchema,
  rateLimit: 'memberAction',
  async handler(input, { viewer, request }) {
    const changed = await updateOrganisation(viewer, input, request);
    revalidatePath(`/admin/organisations/${input.organisationId}`);
    return { message: (await getTranslations('admin.organisation'))(changed.length ? 'saved' : 'unchanged') };
  },
});

export const organisationStatusAction = defineAction({
  access: 'member',
  schema: organisationStatusSchema,
  rateLimit: 'memberAction',
  async handler({ organisationId, status }, { viewer, request }) {
    if (status === 'inactive') await deactivateOrganisation(viewer, organisationId, request);
    else await reactivateOrganisation(viewer, organisationId, request);
    revalidatePath(`/admin/organisations/${organisationId}`);
    return { message: (await getTranslations('admin.organisation'))(status === 'inactive' ? 'deactivated' : 'reactivated') };
  },
});
