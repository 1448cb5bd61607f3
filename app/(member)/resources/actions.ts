'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/actions';
import { addResourceVersion, createResource, deleteResource, updateResource } from '@/lib/dal/resources-write';
import { addVersionSchema, createResourceSchema, deleteResourceSchema, updateResourceSchema } from '@/lib/validation/resources';

export const createResourceAction = defineAction({
  access: 'member',
  schema: createResourceSchema,
  rateLimit: 'memberAction',
  async handler(input, { viewer, request }) {
    const id = await createResource(viewer, input, request);
    revalidatePath('/resources');
    redirect(`/resources/${id}`);
  },
});

export const updateResourceAction = defineAction({
  access: 'member',
  schema: updateResourceSchema,
  rateLimit: 'memberAction',
  async handler(input, { viewer, request }) {
    const changed = await updateResource(viewer, input, request);
    revalidatePath(`/resources/${input.resourceId}`);
    if (changed.length) redirect(`/resources/${input.resourceId}`);
    return { message: (await getTranslations('resources.form'))('unchanged') };
  },
});

export const addVersionAction = defineAction({
  access: 'member',
  schema: addVersionSchema,
  rateLimit: 'memberAction',
  async handler(input, { viewer, request }) {
    const number = await addResourceVersion(viewer, input, request);
    revalidatePath(`/resources/${input.resourceId}`);
    return { message: (await getTranslations('resources.detail'))('versionAdded', { number }) };
  },
});

export const deleteResourceAction = defineAction({
  access: 'member',
  schema: deleteResourceSchema,
  rateLimit: 'memberAction',
  async handler({ resourceId }, { viewer, request }) {
    await deleteResource(viewer, resourceId, request);
    revalidatePath('/resources');
    redirect('/resources');
  },
});
