'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { deactivateOrganisation, reactivateOrganisation, updateOrganisation } from '@/lib/dal/console/organisations';
import { deactivateOrganisationSchema, organisationSchema, reactivateOrganisationSchema } from '@/lib/validation/admin';

export const updateOrganisationAction = memberAction(organisationSchema, async (input, { viewer, request, say }) => {
  const changed = await updateOrganisation(viewer, input, request);
  revalidatePath(`/admin/organisations/${input.organisationId}`);
  return say(changed.length ? 'admin.organisation.saved' : 'admin.organisation.unchanged');
});

export const deactivateOrganisationAction = memberAction(
  deactivateOrganisationSchema,
  async ({ organisationId, reason }, { viewer, request, say }) => {
    await deactivateOrganisation(viewer, organisationId, reason, request);
    revalidatePath(`/admin/organisations/${organisationId}`);
    return say('admin.organisation.deactivated');
  },
);

export const reactivateOrganisationAction = memberAction(reactivateOrganisationSchema, async ({ organisationId }, { viewer, request, say }) => {
  await reactivateOrganisation(viewer, organisationId, request);
  revalidatePath(`/admin/organisations/${organisationId}`);
  return say('admin.organisation.reactivated');
});
