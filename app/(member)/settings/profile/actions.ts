'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/lib/actions';
import { updateOwnProfile } from '@/lib/dal/profiles';
import { profileSchema } from '@/lib/validation/profile';

export const updateProfileAction = defineAction({
  access: 'member',
  schema: profileSchema,
  rateLimit: 'memberAction',
  async handler(input, { viewer, request }) {
    await updateOwnProfile(viewer, input, request);
    revalidatePath('/settings/profile');
    return { message: (await getTranslations('profile'))('saved') };
  },
});
