'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/actions';
import { addExpertiseArea } from '@/lib/dal/directory/profiles';
import { expertiseAreaSchema } from '@/lib/validation/profile';

export const addExpertiseAreaAction = memberAction(expertiseAreaSchema, async (input, { viewer, request, say }) => {
  const area = await addExpertiseArea(viewer, input, request);
  revalidatePath('/admin/expertise');
  return say('directory.expertise.added', { label: area.label });
});
