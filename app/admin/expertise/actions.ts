'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/actions';
import { addExpertiseArea } from '@/lib/dal/profiles';
import { expertiseAreaSchema } from '@/lib/validation/profile';

export const addExpertiseAreaAction = defineAction({
  access: 'member',
  schema: expertiseAreaSchema,
  rateLimit: 'memberAction',
  async handler(input, { viewer, request }) {
    const area = await addExpertiseArea(viewer, input, request);
    revalidatePath('/admin/expertise');
    return { message: (await getTranslations('directory.expertise'))('added', { label: area.label }) };
  },
});
