'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { memberAction } from '@/lib/actions';
import { addResourceVersion, createResource, deleteResource, updateResource } from '@/lib/dal/resources/write';
import { addVersionSchema, createResourceSchema, deleteResourceSchema, updateResourceSchema } from '@/lib/validation/resources';

export const createResourceAction = memberAction(createResourceSchema, async (input, { viewer, request }) => {
  const id = await createResource(viewer, input, request);
  revalidatePath('/resources');
  redirect(`/resources/${id}`);
});

export const updateResourceAction = memberAction(updateResourceSchema, async (input, { viewer, request, say }) => {
  const changed = await updateResource(viewer, input, request);
  revalidatePath(`/resources/${input.resourceId}`);
  if (changed.length) redirect(`/resources/${input.resourceId}`);
  return say('resources.form.unchanged');
});

export const addVersionAction = memberAction(addVersionSchema, async (input, { viewer, request, say }) => {
  const number = await addResourceVersion(viewer, input, request);
  revalidatePath(`/resources/${input.resourceId}`);
  return say('resources.detail.versionAdded', { number });
});

export const deleteResourceAction = memberAction(deleteResourceSchema, async ({ resourceId }, { viewer, request }) => {
  await deleteResource(viewer, resourceId, request);
  revalidatePath('/resources');
  redirect('/resources');
});
